import type { CheckEnv } from '../checks/check.js';
import { SessionProber } from '../checks/session-prober.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { GateError } from '../model/errors.js';
import { type Profile, resolveProfile } from '../platform/profile.js';
import { PtySession } from '../pty/session.js';
import {
  clientEnv,
  describeTarget,
  SSH_KEX_QUERY,
  sshKexPreference,
  type Target,
  transportFor,
} from '../pty/transports.js';
import { randomBytes } from '../run/lazy-builtins.js';
import { visible } from '../ui/visible.js';
import type { InventoryHost } from './inventory.js';

/** One gateway of a site: a name for people, how to reach it, and where its gateway keeps its files. */
export interface SiteTarget {
  name: string;
  /** Its inventory groups (Ansible's group_names); none for a --target. */
  groups: string[];
  /** Missing when the inventory gives no way to reach it: `error` says why, and it is that gateway's row. */
  target?: Target;
  /** The gateway's layout (its prefix, or a sandbox root on it), as its own doctor would resolve it. */
  profile: Profile;
  error?: string;
}

/** What every site command is given: how many gateways at once, how long each may take, the ssh client's config. */
export interface SiteOptions {
  concurrency: number;
  timeoutSeconds: number;
  sshConfig?: string;
  /** ssh's key exchange preference for this site's sessions (found once per run: kexForSite). */
  kex?: string;
}

/** The key exchange a site prefers (sshKexPreference), asked of the ssh client once per run; none if it cannot say. */
async function kexForSite(ctx: Context, sites: SiteTarget[]): Promise<string | undefined> {
  if (!sites.some((site) => site.target?.kind === 'ssh')) return undefined;
  const asked = await ctx.runner.run(SSH_KEX_QUERY, { env: clientEnv(), timeoutMs: 10_000 });
  return asked.exitCode === 0 ? sshKexPreference(asked.stdout) : undefined;
}

/**
 * A gateway of an inventory as a site reaches it: Ansible's ssh connection to it, at its own layout
 * (gate_mqtt_root, gate_mqtt_prefix) or else the command line's.
 */
export function targetOf(host: InventoryHost, layout: Profile): SiteTarget {
  const own = host.layout.root !== undefined || host.layout.prefix !== undefined;
  return {
    name: host.name,
    groups: host.groups,
    ...(host.target ? { target: host.target } : {}),
    profile: own ? remoteProfile(host.layout.root, host.layout.prefix) : layout,
    ...(host.error !== undefined ? { error: host.error } : {}),
  };
}

/** A remote gateway's layout: its paths only (this machine's environment says nothing of it). */
export const remoteProfile = (root: string | undefined, prefix: string | undefined): Profile =>
  resolveProfile({ root, prefix, environment: {} }, false);

/** How a site names a gateway's target: "ssh://u0_a123@192.168.1.20:8022". */
export const shownTarget = (site: SiteTarget): string => (site.target ? describeTarget(site.target) : '-');

/** One gateway reached: its shell, and what the checks and probes need to work on it. */
export interface Reached {
  env: CheckEnv;
  target: Target;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: string; hint?: string };

/** Why a gateway could not be reached, and what to do about it when that is known. */
function failureOf(error: unknown): { ok: false; error: string; hint?: string } {
  const message = (error instanceof Error && error.message) || String(error);
  return error instanceof GateError && error.hint
    ? { ok: false, error: message, hint: error.hint }
    : { ok: false, error: message };
}

/**
 * Opens a shell on one gateway, hands it to `work`, closes it. Everything that goes wrong (no answer,
 * refused, a login that hangs, a probe that never returns) becomes this gateway's error line; after
 * the gateway's timeout its ssh client is killed and it is reported as not answering.
 */
async function onGateway<R>(
  site: SiteTarget,
  options: SiteOptions,
  work: (reached: Reached) => Promise<R>,
): Promise<Outcome<R>> {
  const { target, profile } = site;
  if (!target) return { ok: false, error: site.error ?? t('no way to reach it') };
  const { sshConfig, kex } = options;
  let session: PtySession | undefined;
  let timedOut = false;
  const stop = new AbortController();
  const timeoutMs = options.timeoutSeconds * 1000;
  const attempt = (async (): Promise<Outcome<R>> => {
    session = await PtySession.open(
      transportFor(target, profile, { sshConfig, ...(kex ? { kex } : {}) }),
      undefined,
      stop.signal,
    );
    const env: CheckEnv = {
      prober: new SessionProber(session),
      token: randomBytes(6).toString('hex'),
      profile,
      ...(target.kind === 'ssh' ? { remoteHost: target.host } : {}),
    };
    return { ok: true, value: await work({ env, target }) };
  })().catch((error: unknown): Outcome<R> => failureOf(error));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<R>>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve({
        ok: false,
        error: t('no answer within {{seconds}} s', { seconds: timeoutMs / 1000 }),
        hint: t('check that the gateway is on and answers ssh; for a slow one: --timeout {{seconds}}', {
          seconds: (timeoutMs / 1000) * 2,
        }),
      });
    }, timeoutMs);
  });
  const outcome = await Promise.race([attempt, timeout]);
  clearTimeout(timer);
  if (timedOut) {
    // Out of time: the client is killed, which ends the login or the probe it is waiting for; a session
    // that still comes back from opening is killed then.
    stop.abort();
    session?.kill();
    void attempt.then(() => session?.kill());
  } else await session?.close();
  return outcome;
}

/** What a site command makes of one gateway: a row of its table and of its JSON. */
export interface SiteRow {
  name: string;
  /** The gateway's inventory groups (Ansible's group_names). */
  groups: string[];
  target: string;
  ok: boolean;
  /** The gateway could not be reached or did not answer in time: why. */
  error?: string;
  /** What to do about `error`, when that is known. */
  hint?: string;
}

/** A row for a gateway that could not be reached: why, and what to do. */
export const unreachableRow = (outcome: { error: string; hint?: string }): Pick<SiteRow, 'ok' | 'error' | 'hint'> => ({
  ok: false,
  error: outcome.error,
  ...(outcome.hint ? { hint: outcome.hint } : {}),
});

/** Under a site's table: each hint once, with the gateways it is for. */
export function printSiteHints(ctx: Context, rows: SiteRow[]): void {
  const byHint = new Map<string, string[]>();
  for (const row of rows) if (row.hint) byHint.set(row.hint, [...(byHint.get(row.hint) ?? []), row.name]);
  for (const [hint, names] of byHint)
    ctx.print(t('hint: {{hint}}', { hint: visible(`${hint} (${names.join(', ')})`) }));
}

/** What every row says of its gateway: its name, its groups, how it was reached. */
export const rowBase = (site: SiteTarget): Pick<SiteRow, 'name' | 'groups' | 'target'> => ({
  name: site.name,
  groups: site.groups,
  target: shownTarget(site),
});

/** How a site came out, for the summary line under its table. */
export function tally(rows: SiteRow[]): { count: number; ok: number; notOk: number; unreachable: number } {
  const reached = rows.filter((row) => row.error === undefined);
  const ok = reached.filter((row) => row.ok).length;
  return { count: rows.length, ok, notOk: reached.length - ok, unreachable: rows.length - reached.length };
}

/**
 * What every site command shares: `work` on each gateway, a live line per gateway on a terminal as it
 * finishes (`stateOf` says its word), the rows in the order of `sites`, a log line. The caller prints
 * the JSON document or its table.
 */
export async function siteRows<R, Row extends SiteRow>(
  ctx: Context,
  sites: SiteTarget[],
  options: SiteOptions,
  command: string,
  work: (reached: Reached) => Promise<R>,
  rowOf: (site: SiteTarget, outcome: Outcome<R>) => Row,
  stateOf: (row: Row) => string,
): Promise<{ rows: Row[]; ok: boolean }> {
  const kex = await kexForSite(ctx, sites);
  const outcomes = await overSite(ctx, sites, { ...options, ...(kex ? { kex } : {}) }, work, (site, outcome) => {
    if (ctx.output.json || !ctx.output.interactive) return;
    const row = rowOf(site, outcome);
    ctx.print(`${stateOf(row).padEnd(11)} ${visible(row.name)} (${visible(row.target)})`);
  });
  const rows = sites.map((site, i) => rowOf(site, outcomes[i]!));
  const state = (row: Row) => (row.error !== undefined ? 'unreachable' : row.ok ? 'ok' : 'not ok');
  ctx.log.write(`site ${command}: ${rows.map((row) => `${row.name}=${state(row)}`).join(' ')}`);
  return { rows, ok: rows.every((row) => row.ok) };
}

/**
 * Runs `work` on every gateway of a site, `concurrency` at a time, in this one process (one loaded
 * program, one ssh client per gateway). `finished` hears each gateway as it ends. Results come back in
 * the order of `sites`.
 */
async function overSite<R>(
  ctx: Context,
  sites: SiteTarget[],
  options: SiteOptions,
  work: (reached: Reached) => Promise<R>,
  finished: (site: SiteTarget, outcome: Outcome<R>) => void,
): Promise<Array<Outcome<R>>> {
  const outcomes: Array<Outcome<R>> = new Array(sites.length);
  let next = 0;
  const worker = async () => {
    while (next < sites.length) {
      const index = next++;
      const site = sites[index]!;
      const started = Date.now();
      const outcome = await onGateway(site, options, work);
      ctx.log.write(
        `${site.name} (${shownTarget(site)}) in ${Date.now() - started} ms: ${outcome.ok ? 'reached' : outcome.error}`,
      );
      outcomes[index] = outcome;
      finished(site, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, sites.length) }, worker));
  return outcomes;
}
