import { judgeListening } from '../checks/broker-listening.js';
import type { CheckEnv, ProbeOutput } from '../checks/check.js';
import { brokerTarget, probeBrokerTrip, probeMosquitto, probePm2List } from '../checks/shared.js';
import type { Context } from '../context/context.js';
import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { parseMosquittoVersion } from '../mosquitto/binary.js';
import { describePm2Status, PROCESS_NAME, parsePm2Probe } from '../pm2/process-list.js';
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

/** What `status` says of one gateway of a site: the same facts as its own status, in one row. */
export interface GatewayStatus {
  broker: { binary: string | null; version: string | null };
  pm2: { status: string; pid: number | null; uptimeSeconds: number | null; restarts: number | null };
  listener: { host: string; port: number; answering: boolean } | null;
}

/** `ok`: mqtt is online under pm2 (what `status` exits 0 for). */
export interface SiteStatusRow extends Partial<GatewayStatus>, SiteRow {}

/** The pm2 part of a status from the pm2 probe: "no daemon", "missing", or mqtt's state. */
export function pm2Facts(out: ProbeOutput): GatewayStatus['pm2'] {
  const none = { pid: null, uptimeSeconds: null, restarts: null };
  if (/^no-daemon$/m.test(out.output)) return { status: 'no daemon', ...none };
  let mqtt: ReturnType<typeof parsePm2Probe>[number] | undefined;
  try {
    mqtt = parsePm2Probe(out.output).find((p) => p.name === PROCESS_NAME);
  } catch {
    return { status: out.timedOut ? t('unknown (timed out)') : t('unknown'), ...none };
  }
  if (!mqtt) return { status: 'missing', ...none };
  const online = mqtt.status === 'online';
  const now = Number(/^now=(\d+)$/m.exec(out.output)?.[1] ?? Date.now() / 1000);
  return {
    status: mqtt.status,
    pid: online ? mqtt.pid : null,
    uptimeSeconds: online && mqtt.uptimeSince ? Math.max(0, Math.round(now - mqtt.uptimeSince / 1000)) : null,
    restarts: mqtt.restarts ?? null,
  };
}

/** One gateway's status from the doctor's probes (two pty round trips; nothing of ours on the gateway). */
async function gatewayStatus(env: CheckEnv): Promise<GatewayStatus> {
  const [mosquitto, pm2, at] = await Promise.all([probeMosquitto(env), probePm2List(env), brokerTarget(env)]);
  const binary = mosquitto.exitCode === 0 ? (/^path=(.+)$/m.exec(mosquitto.output)?.[1] ?? null) : null;
  const trip = at ? await probeBrokerTrip(env, at) : undefined;
  return {
    broker: { binary, version: binary ? (parseMosquittoVersion(mosquitto.output) ?? null) : null },
    pm2: pm2Facts(pm2),
    listener: at && trip ? { ...at, answering: judgeListening(trip, at.host, at.port).status === 'pass' } : null,
  };
}

function rowOf(site: SiteTarget, outcome: Outcome<GatewayStatus>): SiteStatusRow {
  const base = rowBase(site);
  if (!outcome.ok) return { ...base, ...unreachableRow(outcome) };
  return { ...base, ok: outcome.value.pm2.status === 'online', ...outcome.value };
}

function cellsOf(row: SiteStatusRow): string[] {
  if (row.error !== undefined) return [t('UNREACHABLE'), row.error];
  const listener = row.listener
    ? `${row.listener.port} ${row.listener.answering ? t('answering') : t('not answering')}`
    : '-';
  return [
    row.pm2 ? describePm2Status(row.pm2.status) : '-',
    row.broker?.version ?? (row.broker?.binary ? '?' : t('not installed')),
    row.pm2?.uptimeSeconds != null ? formatDuration(row.pm2.uptimeSeconds) : '-',
    String(row.pm2?.restarts ?? '-'),
    listener,
  ];
}

/**
 * `status --inventory` / several `--target`: every gateway's status at once (on a terminal a line per
 * gateway as it finishes), then one row each (mqtt's state, mosquitto's version, uptime, restarts, the
 * listener). Exit 1 when any gateway's mqtt is not online or the gateway was not reached.
 */
export async function siteStatus(ctx: Context, sites: SiteTarget[], options: SiteOptions): Promise<number> {
  const { rows, ok } = await siteRows(
    ctx,
    sites,
    options,
    'status',
    ({ env }) => gatewayStatus(env),
    rowOf,
    (row) => (row.error !== undefined ? t('UNREACHABLE') : row.pm2 ? describePm2Status(row.pm2.status) : '-'),
  );
  if (ctx.output.json) {
    printJson(ctx, { command: 'status', ok, targets: rows });
    return ok ? 0 : 1;
  }
  const head = [t('gateway'), t('groups'), 'mqtt', 'mosquitto', t('up'), t('restarts'), t('listener')];
  const table = [head, ...rows.map((row) => [row.name, row.groups.join(',') || '-', ...cellsOf(row)].map(visible))];
  // A column is as wide as its cells that are not the last of their row (an unreachable gateway's
  // reason runs on from the mqtt column).
  const widths = head.map((_, col) =>
    Math.max(0, ...table.filter((cells) => col < cells.length - 1).map((cells) => cells[col]!.length)),
  );
  for (const cells of table)
    ctx.print(
      cells
        .map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col]!)))
        .join('  ')
        .trimEnd(),
    );
  printSiteHints(ctx, rows);
  const { count, ok: online, notOk: down, unreachable } = tally(rows);
  ctx.print(
    t('{{count}} gateway(s): {{online}} online, {{down}} not online, {{unreachable}} unreachable', {
      count,
      online,
      down,
      unreachable,
    }),
  );
  return ok ? 0 : 1;
}
