import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { describePm2Status, PROCESS_NAME, parsePm2Probe } from '../pm2/process-list.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass } from './check.js';
import { probePm2 } from './shared.js';

export function judgePm2(out: ProbeOutput): CheckOutcome {
  const id = 'pm2.process';
  if (/^no-daemon$/m.test(out.output)) {
    return fail(id, t('pm2 is not running (no daemon)'), t('run: gate-mqtt doctor --fix (starts pm2 and mqtt)'));
  }
  let list: ReturnType<typeof parsePm2Probe>;
  try {
    list = parsePm2Probe(out.output);
  } catch {
    return fail(
      id,
      out.timedOut ? t("cannot read pm2's process list (timed out)") : t("cannot read pm2's process list"),
      t('run: gate-mqtt doctor --fix; if pm2 still does not answer, read its log: gate-mqtt logs --ours'),
    );
  }
  const mqtt = list.find((p) => p.name === PROCESS_NAME);
  if (!mqtt)
    return fail(
      id,
      t('pm2 has no process "{{name}}"', { name: PROCESS_NAME }),
      t('run: gate-mqtt doctor --fix, or gate-mqtt provision'),
    );
  const now = Number(field(out.output, 'now') ?? Date.now() / 1000);
  const upFor = mqtt.uptimeSince ? Math.max(0, Math.round(now - mqtt.uptimeSince / 1000)) : 0;
  // pm2 counts a deliberate `pm2 restart` in restart_time (and as "unstable" when it comes soon after a
  // start), so counts prove nothing. A crashing broker exits within milliseconds and then waits out its
  // backoff (0.5 s and more): it is almost always seen waiting for its next restart.
  if (['waiting restart', 'errored', 'launching'].includes(mqtt.status)) {
    return fail(
      id,
      t('crash loop: "{{name}}" is {{status}} after {{count}} restarts', {
        name: PROCESS_NAME,
        status: describePm2Status(mqtt.status),
        count: mqtt.restarts ?? '?',
      }),
      t('see why: gate-mqtt logs -n 50; then gate-mqtt config validate, or gate-mqtt reset'),
    );
  }
  if (mqtt.status !== 'online')
    return fail(
      id,
      t('"{{name}}" is {{status}}', { name: PROCESS_NAME, status: describePm2Status(mqtt.status) }),
      t('run: gate-mqtt doctor --fix'),
    );
  // read from pm2's files and /proc (no node started on the device): they keep no restart count
  const uptime = formatDuration(upFor);
  if (mqtt.restarts === undefined) return pass(id, t('online, pid {{pid}}, up {{uptime}}', { pid: mqtt.pid, uptime }));
  return pass(
    id,
    t('online, pid {{pid}}, up {{uptime}}, {{count}} restart(s)', { pid: mqtt.pid, uptime, count: mqtt.restarts }),
  );
}

export const pm2Process: CheckModule = {
  id: 'pm2.process',
  get title() {
    return t('pm2 process mqtt');
  },
  run: async (env) => [judgePm2(await probePm2(env))],
  fix: 'start-broker',
};
