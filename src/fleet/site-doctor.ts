import { runChecks } from '../checks/run-checks.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import type { DoctorResult } from '../model/results.js';
import { printJson } from '../ui/print.js';
import { visible } from '../ui/visible.js';
import {
  type Outcome,
  printSiteHints,
  rowBase,
  type SiteOptions,
  type SiteRow,
  type SiteTarget,
  siteRows,
  tally,
  unreachableRow,
} from './site-run.js';

export interface SiteResult extends SiteRow {
  checks: DoctorResult['checks'];
}

/**
 * What is wrong with one gateway, in a line: why it could not be reached, or its failed checks (the
 * first with its detail) and then its warnings; the full report is that gateway's own doctor.
 */
export function problemsOf(result: SiteResult): string {
  if (result.error !== undefined) return result.error;
  const failed = result.checks.filter((c) => c.status === 'fail');
  const warned = result.checks.filter((c) => c.status === 'warn').map((c) => c.id);
  const parts: string[] = [];
  if (failed.length)
    parts.push(`${t('FAIL')} ${failed.map((c, i) => (i === 0 ? `${c.id} (${c.detail})` : c.id)).join(', ')}`);
  if (warned.length) parts.push(`${t('WARN')} ${warned.join(', ')}`);
  return parts.join('; ') || '-';
}

const verdict = (result: SiteResult) =>
  result.error !== undefined ? t('UNREACHABLE') : result.ok ? t('OK') : t('FAILED');

function resultOf(site: SiteTarget, outcome: Outcome<DoctorResult['checks']>): SiteResult {
  const base = rowBase(site);
  if (!outcome.ok) return { ...base, checks: [], ...unreachableRow(outcome) };
  return { ...base, ok: !outcome.value.some((c) => c.status === 'fail'), checks: outcome.value };
}

/**
 * A whole site from one laptop: every gateway's checks at once (N at a time, in this process), a line
 * per gateway as it finishes, then a table gateway × problems. Exit 1 when any gateway failed a check
 * or was not reached.
 */
export async function siteDoctor(ctx: Context, sites: SiteTarget[], options: SiteOptions): Promise<number> {
  const { rows: results, ok } = await siteRows(
    ctx,
    sites,
    options,
    'doctor',
    ({ env }) => runChecks(env),
    resultOf,
    verdict,
  );
  if (ctx.output.json) {
    printJson(ctx, { command: 'doctor', ok, targets: results });
    return ok ? 0 : 1;
  }
  const groupsOf = (result: SiteResult) => result.groups.join(',') || '-';
  const width = Math.max(...results.map((r) => visible(r.name).length), t('gateway').length);
  const groupWidth = Math.max(...results.map((r) => visible(groupsOf(r)).length), t('groups').length);
  const mark = Math.max(...results.map((r) => verdict(r).length));
  ctx.print(`${t('gateway').padEnd(width)}  ${t('groups').padEnd(groupWidth)}  ${''.padEnd(mark)}  ${t('problems')}`);
  for (const result of results)
    ctx.print(
      `${visible(result.name).padEnd(width)}  ${visible(groupsOf(result)).padEnd(groupWidth)}  ${verdict(result).padEnd(mark)}  ${visible(problemsOf(result))}`,
    );
  printSiteHints(ctx, results);
  const { count, ok: fine, notOk: failed, unreachable } = tally(results);
  ctx.print(
    t('{{count}} gateway(s): {{ok}} ok, {{failed}} with problems, {{unreachable}} unreachable', {
      count,
      ok: fine,
      failed,
      unreachable,
    }),
  );
  return ok ? 0 : 1;
}
