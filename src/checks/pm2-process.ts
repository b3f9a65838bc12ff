import { PROCESS_NAME, parseJlist } from '../pm2/process-list.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass } from './check.js';
import { probePm2 } from './shared.js';

export function judgePm2(out: ProbeOutput): CheckOutcome {
  const id = 'pm2.process';
  if (/^no-daemon$/m.test(out.output)) {
    return fail(
      id,
      'pm2 is not running (no daemon)',
      'run: gate-mqtt doctor --fix (starts pm2 and mqtt), or: pm2 resurrect',
    );
  }
  let list: ReturnType<typeof parseJlist>;
  try {
    list = parseJlist(out.output);
  } catch {
    return fail(
      id,
      `cannot read pm2's process list${out.timedOut ? ' (timed out)' : ''}`,
      'run: pm2 jlist, and look at ~/.pm2/pm2.log',
    );
  }
  const mqtt = list.find((p) => p.name === PROCESS_NAME);
  if (!mqtt)
    return fail(id, `pm2 has no process "${PROCESS_NAME}"`, 'run: gate-mqtt doctor --fix, or gate-mqtt provision');
  const now = Number(field(out.output, 'now') ?? Date.now() / 1000);
  const upFor = mqtt.uptimeSince ? Math.max(0, Math.round(now - mqtt.uptimeSince / 1000)) : 0;
  // pm2 counts a deliberate `pm2 restart` in restart_time (and as "unstable" when it comes soon after a
  // start), so counts prove nothing. A crashing broker exits within milliseconds and then waits out its
  // backoff (0.5 s and more): it is almost always seen waiting for its next restart.
  if (['waiting restart', 'errored', 'launching'].includes(mqtt.status)) {
    return fail(
      id,
      `crash loop: "${PROCESS_NAME}" is ${mqtt.status} after ${mqtt.restarts} restarts`,
      'see why in log.errors or: pm2 logs mqtt; then gate-mqtt config validate, or gate-mqtt reset',
    );
  }
  if (mqtt.status !== 'online')
    return fail(id, `"${PROCESS_NAME}" is ${mqtt.status}`, 'run: gate-mqtt doctor --fix, or: pm2 start mqtt');
  return pass(id, `online, pid ${mqtt.pid}, up ${upFor}s, ${mqtt.restarts} restarts`);
}

export const pm2Process: CheckModule = {
  id: 'pm2.process',
  title: 'pm2 process mqtt',
  run: async (env) => [judgePm2(await probePm2(env))],
  fix: 'start-broker',
};
