import { isListening } from '../broker/port.js';
import { readConfigFile } from '../config/load.js';
import { MOSQUITTO_DEFAULT_PORT } from '../config/model.js';
import type { Context } from '../context/context.js';
import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { KEEPER_NAME } from '../keeper/definition.js';
import { describeKeeper, type KeeperReport, readKeeperState } from '../keeper/state.js';
import { findMosquitto, mosquittoVersion } from '../mosquitto/binary.js';
import { knownVersion } from '../mosquitto/version-cache.js';
import { CLASS_TEXT } from '../network/address-class.js';
import { listenerReach } from '../network/exposure.js';
import { localTarget } from '../network/listener-target.js';
import { readLocalAddresses } from '../network/read-addresses.js';
import { describePm2Status, PROCESS_NAME } from '../pm2/process-list.js';
import { printJson } from '../ui/print.js';

/** Seconds since a start time; null when there is none (a stopped process has no uptime). */
function secondsSince(epochMs: number | undefined): number | null {
  return epochMs ? Math.max(0, Math.round((Date.now() - epochMs) / 1000)) : null;
}

/** One screen of facts, read locally and without changing anything (no pm2 daemon is spawned). */
export async function status(ctx: Context): Promise<number> {
  // The reads do not depend on each other: they go out together.
  const versionOf = async (binary: string | undefined) => {
    if (!binary) return undefined;
    // status only reports: a broker binary that hangs on -h is shown without a version, not an error
    const ask = (b: string) => mosquittoVersion(ctx.runner, b);
    return (await knownVersion(ask, binary, ctx.profile.paths.versionCache).catch(() => undefined))?.version;
  };
  const [binary, list, read, addresses] = await Promise.all([
    findMosquitto(ctx.profile),
    ctx.pm2.list().then(
      (processes) => processes,
      () => undefined,
    ),
    readConfigFile(ctx.profile.paths.configFile),
    readLocalAddresses(ctx.runner, ctx.profile.systemToolPath),
  ]);
  const version = await versionOf(binary);
  const daemon = await ctx.pm2.daemonRunning();
  const mqtt = list?.find((p) => p.name === PROCESS_NAME);
  const online = mqtt?.status === 'online';
  const model = read.ok ? read.config.model : undefined;
  const target = localTarget(model, MOSQUITTO_DEFAULT_PORT, addresses);
  const reach = model ? listenerReach(model, addresses) : [];
  const listeners = await Promise.all(
    (model?.listeners ?? []).map(async (l) => {
      const covers = reach.find((r) => r.listener === l);
      return {
        port: l.port,
        bind: l.bind ?? (l.unixPath ? l.unixPath : '*'),
        answering: l.port > 0 ? await isListening(l.port, target.host) : false,
        anonymous: covers?.anonymous ?? false,
        addresses: (covers?.covered ?? []).map((a) => ({ address: a.address, interface: a.iface, class: a.kind })),
        unknown: covers?.unknown ?? [],
      };
    }),
  );
  const states =
    model?.bridges.length && mqtt?.status === 'online'
      ? await (await import('../broker/sys-topics.js')).readSysTopics({
          ...target,
          topics: ['$SYS/broker/connection/+/state'],
        })
      : new Map<string, string>();
  const bridges = (model?.bridges ?? []).map((b) => {
    const entry = [...states.entries()].find(
      ([topic]) => topic.endsWith(`/${b.name}/state`) || topic.endsWith(`.${b.name}/state`),
    );
    return { name: b.name, addresses: b.addresses, connected: entry ? entry[1] === '1' : null };
  });
  const uptime = online ? secondsSince(mqtt?.uptimeSince) : null;
  const keeperProcess = list?.find((p) => p.name === KEEPER_NAME);
  const keeperState = await readKeeperState(ctx.profile.paths.keeperState);
  const keeper: KeeperReport = {
    status: keeperProcess?.status ?? (daemon ? 'missing' : 'no daemon'),
    ...(keeperState ?? { checkEvery: null, lastCheck: null, lastRestart: null, restartsLastHour: 0, bridgesDown: [] }),
  };
  const report = {
    command: 'status',
    ok: online,
    broker: { binary: binary ?? null, version: version ?? null },
    pm2: {
      daemon,
      status: mqtt?.status ?? (daemon ? 'missing' : 'no daemon'),
      pid: online ? (mqtt?.pid ?? null) : null,
      uptimeSeconds: uptime,
      restarts: mqtt?.restarts ?? null,
    },
    config: { file: ctx.profile.paths.configFile, readable: read.ok },
    listeners,
    bridges,
    keeper,
  };
  if (ctx.output.json) printJson(ctx, report);
  else printStatus(ctx, report, read.ok ? undefined : read.message);
  return report.ok ? 0 : 1;
}

type StatusReport = {
  broker: { binary: string | null; version: string | null };
  pm2: { status: string; pid: number | null; uptimeSeconds: number | null; restarts: number | null };
  config: { file: string };
  listeners: Array<{
    port: number;
    bind: string;
    answering: boolean;
    anonymous: boolean;
    addresses: Array<{ address: string; interface: string; class: keyof typeof CLASS_TEXT }>;
    unknown: string[];
  }>;
  bridges: Array<{ name: string; addresses: string[]; connected: boolean | null }>;
  keeper: KeeperReport;
};

/** The screen for people: one fact per line, labels in the chosen language. */
function printStatus(ctx: Context, report: StatusReport, configProblem: string | undefined): void {
  // Labels padded to the longest in the language in use ("konfiguracja" is 12 letters).
  const width =
    Math.max(...[t('broker'), t('pm2'), t('config'), t('listener'), t('bridge'), t('keeper')].map((w) => w.length)) + 2;
  const label = (text: string) => text.padEnd(width);
  const { broker, pm2 } = report;
  const version = broker.version ? ` (mosquitto ${broker.version})` : '';
  ctx.print(`${label(t('broker'))}${broker.binary ?? t('not installed')}${version}`);
  const running =
    pm2.pid !== null && pm2.uptimeSeconds !== null
      ? t(', pid {{pid}}, up {{uptime}}, {{count}} restart(s)', {
          pid: pm2.pid,
          uptime: formatDuration(pm2.uptimeSeconds),
          count: pm2.restarts ?? 0,
        })
      : pm2.restarts !== null
        ? t(', {{count}} restart(s)', { count: pm2.restarts })
        : '';
  ctx.print(`${label(t('pm2'))}${describePm2Status(pm2.status)}${running}`);
  ctx.print(`${label(t('config'))}${report.config.file}${configProblem ? ` (${configProblem})` : ''}`);
  const indent = ' '.repeat(width + 2);
  for (const l of report.listeners) {
    const answering = l.answering ? t('answering') : t('not answering');
    const who = l.anonymous ? t('anonymous clients allowed') : t('passwords required');
    ctx.print(`${label(t('listener'))}${l.bind}:${l.port} ${answering}, ${who}`);
    for (const a of l.addresses) ctx.print(`${indent}${a.address} (${a.interface}, ${t(CLASS_TEXT[a.class])})`);
    for (const u of l.unknown) ctx.print(`${indent}${u}`);
  }
  for (const b of report.bridges) {
    const state = b.connected === null ? t('state unknown') : b.connected ? t('connected') : t('not connected');
    ctx.print(`${label(t('bridge'))}${b.name} -> ${b.addresses.join(' ')} ${state}`);
  }
  const { keeper } = report;
  const facts = keeper.checkEvery !== null ? `, ${describeKeeper(keeper)}` : '';
  ctx.print(`${label(t('keeper'))}${describePm2Status(keeper.status)}${facts}`);
}
