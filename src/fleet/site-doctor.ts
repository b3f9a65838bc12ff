import type { Context } from '../context.js';
import { language, t } from '../i18n/translate.js';
import { TERMUX_SSH_PORT } from '../pty/transports.js';
import { printJson } from '../ui/print.js';
import type { DoctorResult } from '../ui/result.js';
import type { InventoryHost } from './inventory.js';

/** One gateway of a site: a name for people, the doctor's target, and where its gateway lives. */
export interface SiteTarget {
  name: string;
  target: string;
  root?: string;
  prefix?: string;
}

export interface SiteResult {
  name: string;
  target: string;
  ok: boolean;
  /** The gateway could not be checked (unreachable, timed out): why. */
  error?: string;
  checks: DoctorResult['checks'];
}

/** A dead gateway gives up alone after this long; the others go on. */
export const GATEWAY_TIMEOUT_MS = 90_000;
export const DEFAULT_CONCURRENCY = 8;

export function targetOf(host: InventoryHost): SiteTarget {
  const user = host.user ?? process.env.USER ?? 'root';
  const address = host.host.includes(':') ? `[${host.host}]` : host.host;
  return {
    name: host.name,
    target: `ssh://${user}@${address}:${host.port ?? TERMUX_SSH_PORT}`,
    ...(host.root ? { root: host.root } : {}),
    ...(host.prefix ? { prefix: host.prefix } : {}),
  };
}

/** Runs `doctor --json` for one gateway as its own process: a hang or a crash there stays there. */
async function checkOne(ctx: Context, site: SiteTarget, sshConfig: string | undefined): Promise<SiteResult> {
  const args = ['doctor', '--target', site.target, '--json', '--lang', language()];
  if (site.root) args.push('--root', site.root);
  if (site.prefix) args.push('--prefix', site.prefix);
  if (sshConfig) args.push('--ssh-config', sshConfig);
  // The technician's own environment: ssh needs its agent and known hosts.
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const run = await ctx.runner.run([process.execPath, [process.argv[1]!, ...args]], {
    env,
    timeoutMs: GATEWAY_TIMEOUT_MS,
  });
  const base = { name: site.name, target: site.target };
  if (run.timedOut)
    return {
      ...base,
      ok: false,
      checks: [],
      error: t('no answer within {{seconds}} s', { seconds: GATEWAY_TIMEOUT_MS / 1000 }),
    };
  try {
    const doc = JSON.parse(run.stdout) as Partial<DoctorResult> & { error?: { message: string } };
    if (doc.error) return { ...base, ok: false, checks: [], error: doc.error.message };
    return { ...base, ok: doc.ok === true, checks: doc.checks ?? [] };
  } catch {
    return { ...base, ok: false, checks: [], error: run.stderr.trim().split('\n')[0] || t('no report') };
  }
}

/**
 * What is wrong with one gateway, in a line: why it could not be reached, or its failed checks (the
 * first with its detail) and then its warnings; the full report is that gateway's own doctor.
 */
export function problemsOf(result: SiteResult): string {
  if (result.error) return result.error;
  const failed = result.checks.filter((c) => c.status === 'fail');
  const warned = result.checks.filter((c) => c.status === 'warn').map((c) => c.id);
  const parts: string[] = [];
  if (failed.length)
    parts.push(`${t('FAIL')} ${failed.map((c, i) => (i === 0 ? `${c.id} (${c.detail})` : c.id)).join(', ')}`);
  if (warned.length) parts.push(`${t('WARN')} ${warned.join(', ')}`);
  return parts.join('; ') || '-';
}

const verdict = (result: SiteResult) => (result.error ? t('UNREACHABLE') : result.ok ? t('OK') : t('FAILED'));

/**
 * A whole site from one laptop: every gateway's doctor at once (N at a time), a line per gateway as it
 * finishes, then a table gateway × problems. Exit 1 when any gateway failed a check or was not reached.
 */
export async function siteDoctor(
  ctx: Context,
  sites: SiteTarget[],
  options: { concurrency: number; sshConfig?: string },
): Promise<number> {
  const results: SiteResult[] = new Array(sites.length);
  let next = 0;
  const worker = async () => {
    while (next < sites.length) {
      const index = next++;
      const result = await checkOne(ctx, sites[index]!, options.sshConfig);
      results[index] = result;
      if (!ctx.output.json && ctx.output.interactive)
        ctx.print(`${verdict(result).padEnd(11)} ${result.name} (${result.target})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, sites.length) }, worker));
  const ok = results.every((r) => r.ok);
  ctx.log.write(
    `site doctor: ${results.map((r) => `${r.name}=${r.error ? 'unreachable' : r.ok ? 'ok' : 'failed'}`).join(' ')}`,
  );
  if (ctx.output.json) {
    printJson(ctx, { command: 'doctor', ok, targets: results });
    return ok ? 0 : 1;
  }
  const width = Math.max(...results.map((r) => r.name.length), t('gateway').length);
  const mark = Math.max(...results.map((r) => verdict(r).length));
  ctx.print(`${t('gateway').padEnd(width)}  ${''.padEnd(mark)}  ${t('problems')}`);
  for (const result of results)
    ctx.print(`${result.name.padEnd(width)}  ${verdict(result).padEnd(mark)}  ${problemsOf(result)}`);
  const reached = results.filter((r) => !r.error);
  ctx.print(
    t('{{count}} gateway(s): {{ok}} ok, {{failed}} with problems, {{unreachable}} unreachable', {
      count: results.length,
      ok: reached.filter((r) => r.ok).length,
      failed: reached.filter((r) => !r.ok).length,
      unreachable: results.length - reached.length,
    }),
  );
  return ok ? 0 : 1;
}
