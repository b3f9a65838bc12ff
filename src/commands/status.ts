import { isListening } from '../broker/port.js';
import { localTarget } from '../config/listener-target.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context.js';
import { findMosquitto, mosquittoVersion } from '../mosquitto/binary.js';
import { knownVersion } from '../mosquitto/version-cache.js';
import { CLASS_TEXT } from '../network/address-class.js';
import { listenerReach } from '../network/exposure.js';
import { readLocalAddresses } from '../network/read-addresses.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { printJson } from '../ui/print.js';

function since(epochMs: number | undefined): string {
  if (!epochMs) return '-';
  const s = Math.max(0, Math.round((Date.now() - epochMs) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.round(s / 60)}m` : `${(s / 3600).toFixed(1)}h`;
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
  const model = read.ok ? read.config.model : undefined;
  const target = localTarget(model, 1883);
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
  const report = {
    command: 'status',
    ok: mqtt?.status === 'online',
    broker: { binary: binary ?? null, version: version ?? null },
    pm2: {
      daemon,
      status: mqtt?.status ?? (daemon ? 'missing' : 'no daemon'),
      pid: mqtt?.pid ?? null,
      uptime: since(mqtt?.uptimeSince),
      restarts: mqtt?.restarts ?? null,
    },
    config: { file: ctx.profile.paths.configFile, readable: read.ok },
    listeners,
    bridges,
  };
  if (ctx.output.json) {
    printJson(ctx, report);
  } else {
    ctx.print(`broker     ${binary ?? 'not installed'}${version ? ` (mosquitto ${version})` : ''}`);
    const process = mqtt ? `, pid ${mqtt.pid}, up ${report.pm2.uptime}, ${mqtt.restarts} restarts` : '';
    ctx.print(`pm2        ${report.pm2.status}${process}`);
    ctx.print(`config     ${report.config.file}${read.ok ? '' : ` (${read.message})`}`);
    for (const l of listeners) {
      const who = l.anonymous ? 'anonymous clients allowed' : 'passwords required';
      ctx.print(`listener   ${l.bind}:${l.port} ${l.answering ? 'answering' : 'not answering'}, ${who}`);
      for (const a of l.addresses) ctx.print(`             ${a.address} (${a.interface}, ${CLASS_TEXT[a.class]})`);
      for (const u of l.unknown) ctx.print(`             ${u}`);
    }
    for (const b of bridges) {
      const state = b.connected === null ? 'state unknown' : b.connected ? 'connected' : 'not connected';
      ctx.print(`bridge     ${b.name} -> ${b.addresses.join(' ')} ${state}`);
    }
  }
  return report.ok ? 0 : 1;
}
