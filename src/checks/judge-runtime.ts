import type { Bridge } from '../config/model.js';
import { parseDump, parseJlist, PROCESS_NAME } from '../pm2/pm2.js';
import { fail, pass, warn, type CheckOutcome, type ProbeOutput } from './types.js';

const MIN_FREE_KIB = 20 * 1024;

function field(output: string, key: string): string | undefined {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(output)?.[1];
}

export function judgePm2(out: ProbeOutput): CheckOutcome {
  const id = 'pm2.process';
  if (/^no-daemon$/m.test(out.output)) return fail(id, 'pm2 is not running (no daemon)', 'run: gate-mqtt doctor --fix (starts pm2 and mqtt), or: pm2 resurrect');
  let list;
  try {
    list = parseJlist(out.output);
  } catch {
    return fail(id, `cannot read pm2's process list${out.timedOut ? ' (timed out)' : ''}`, 'run: pm2 jlist, and look at ~/.pm2/pm2.log');
  }
  const mqtt = list.find((p) => p.name === PROCESS_NAME);
  if (!mqtt) return fail(id, `pm2 has no process "${PROCESS_NAME}"`, 'run: gate-mqtt doctor --fix, or gate-mqtt provision');
  const now = Number(field(out.output, 'now') ?? Date.now() / 1000);
  const upFor = mqtt.uptimeSince ? Math.max(0, Math.round(now - mqtt.uptimeSince / 1000)) : 0;
  // pm2 counts a deliberate `pm2 restart` in restart_time (and as "unstable" when it comes soon after a
  // start), so counts prove nothing. A crashing broker exits within milliseconds and then waits out its
  // backoff (0.5 s and more): it is almost always seen waiting for its next restart.
  const crashing = ['waiting restart', 'errored', 'launching'].includes(mqtt.status);
  if (crashing) {
    return fail(id, `crash loop: "${PROCESS_NAME}" is ${mqtt.status} after ${mqtt.restarts} restarts`, 'see why in log.errors or: pm2 logs mqtt; then gate-mqtt config validate, or gate-mqtt reset');
  }
  if (mqtt.status !== 'online') return fail(id, `"${PROCESS_NAME}" is ${mqtt.status}`, 'run: gate-mqtt doctor --fix, or: pm2 start mqtt');
  return pass(id, `online, pid ${mqtt.pid}, up ${upFor}s, ${mqtt.restarts} restarts`);
}

export function judgeStartup(out: ProbeOutput): CheckOutcome {
  const id = 'startup.registered';
  const hook = field(out.output, 'hook');
  const dumpLines = out.output.split('\n');
  const at = dumpLines.indexOf('dump=present');
  let names: string[] = [];
  if (at !== -1) {
    try {
      names = parseDump(Buffer.from(dumpLines.slice(at + 1).join(''), 'base64').toString('utf8'));
    } catch {
      names = [];
    }
  }
  if (hook !== 'exec') return fail(id, hook === 'noexec' ? 'the Termux:Boot hook is not executable' : 'no Termux:Boot hook: the broker will not start after a reboot', 'run: gate-mqtt doctor --fix');
  if (!names.includes(PROCESS_NAME)) return fail(id, `pm2's dump does not hold "${PROCESS_NAME}": pm2 resurrect would not start it`, 'run: gate-mqtt doctor --fix (pm2 save)');
  return pass(id, 'boot hook present and executable; pm2 dump holds mqtt');
}

export function judgeListening(out: ProbeOutput, host: string, port: number): CheckOutcome {
  const id = 'broker.listening';
  if (out.exitCode === 127 && /no-client/.test(out.output)) return warn(id, 'mosquitto_sub is not installed: cannot check', 'install the clients: pkg install mosquitto');
  if (out.exitCode === 0) return pass(id, `${host}:${port} answers (${out.output.trim().split('\n').pop()})`);
  if (/not authori[sz]ed|bad user/i.test(out.output)) return pass(id, `${host}:${port} answers (anonymous clients refused)`);
  return fail(id, `nothing answers on ${host}:${port}${out.timedOut ? ' (timed out)' : `: ${out.output.trim().split('\n').pop() ?? ''}`}`, 'check pm2.process and log.errors; run: gate-mqtt doctor --fix');
}

export function judgeRoundTrip(out: ProbeOutput, payload: string): CheckOutcome {
  const id = 'broker.roundtrip';
  if (out.exitCode === 127 && /no-client/.test(out.output)) return warn(id, 'mosquitto_pub/sub are not installed: cannot check', 'install the clients: pkg install mosquitto');
  if (out.exitCode === 0 && field(out.output, 'got') === payload) return pass(id, `publish/subscribe in ${out.ms} ms`);
  if (/not authori[sz]ed/i.test(out.output)) return warn(id, 'the broker refuses anonymous clients: no round trip without credentials', 'test with your own user: mosquitto_sub -u USER -P ...');
  return fail(id, `no round trip${out.timedOut ? ' (timed out)' : `: ${out.output.trim().split('\n').slice(-1)[0] ?? ''}`}`, 'run: gate-mqtt doctor --fix; if it persists: gate-mqtt reset');
}

/** One outcome per bridge, from `$SYS/broker/connection/<clientid>/state` (1 = connected) and the broker log. */
export function judgeBridges(out: ProbeOutput, bridges: Bridge[]): CheckOutcome[] {
  const [states = '', log = ''] = out.output.split('--log--');
  return bridges.map((bridge) => {
    const id = `bridge.${bridge.name}`;
    const line = states
      .split('\n')
      .find((l) => new RegExp(`^\\$SYS/broker/connection/(?:[^/ ]*\\.)?${bridge.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/state `).test(l));
    const state = line?.trim().split(' ').pop();
    const lastLog = log
      .split('\n')
      .filter((l) => l.includes(bridge.name) || /socket error|connection refused/i.test(l))
      .pop()
      ?.replace(/^\d+: /, '');
    if (state === '1') return pass(id, `connected to ${bridge.addresses.join(' ')}`);
    const why = lastLog ? `; log: ${lastLog}` : '';
    return fail(id, `not connected to ${bridge.addresses.join(' ')}${state === undefined ? ' (no state published yet)' : ''}${why}`, 'check the address, the remote user and password, bridge_cafile, and that the gateway reaches the internet');
  });
}

export function judgeDisk(out: ProbeOutput): CheckOutcome {
  const id = 'disk.space';
  const columns = out.output.trim().split('\n').pop()?.split(/\s+/) ?? [];
  const free = Number(columns[3]);
  if (!Number.isFinite(free)) return warn(id, 'cannot read free space (df)', 'run: df -h $PREFIX');
  const mib = (free / 1024).toFixed(0);
  if (free < MIN_FREE_KIB) return fail(id, `only ${mib} MiB free: config writes and logs may fail`, 'free space: pm2 flush; clear old files in $PREFIX/var/log');
  return pass(id, `${mib} MiB free`);
}

export function judgeLog(out: ProbeOutput): CheckOutcome {
  const id = 'log.errors';
  const now = Number(field(out.output, 'now') ?? 0);
  const errors = out.output.split('\n').filter((l) => /Error|error:/.test(l) && !l.startsWith('now='));
  const recent = errors.filter((l) => {
    const stamp = Number(/^(\d+):/.exec(l)?.[1]);
    return !Number.isFinite(stamp) || now - stamp < 3600;
  });
  if (recent.length) return warn(id, `${recent.length} error line(s) in the last hour; last: ${recent[recent.length - 1]!.replace(/^\d+: /, '')}`, 'read them: pm2 logs mqtt --lines 50');
  return pass(id, errors.length ? 'no errors in the last hour' : 'no errors in the broker log');
}
