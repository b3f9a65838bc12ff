import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { hasWatchdogJob, SCHEDULER_TIMEOUT_MS, WATCHDOG_JOB_ID, WATCHDOG_PERIOD_MS } from '../platform/watchdog.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, field, type ProbeOutput, pass, warn } from './check.js';

/**
 * Whether Termux:API's job scheduler holds the job provision registers (platform/watchdog.ts). termux-api
 * waits for its app forever when the app is missing: `timeout` bounds it, so the other probes of the
 * batch still run.
 */
export function watchdogProbe(scheduler: string, script: string): string {
  const seconds = Math.ceil(SCHEDULER_TIMEOUT_MS / 1000);
  return [
    `s=${shQuote(scheduler)}; w=${shQuote(script)}`,
    '[ -x "$s" ] || { echo scheduler=absent; exit 0; }',
    'if [ -x "$w" ]; then echo script=exec; elif [ -e "$w" ]; then echo script=noexec; else echo script=missing; fi',
    `if command -v timeout >/dev/null 2>&1; then timeout ${seconds} "$s" --pending; else "$s" --pending; fi`,
    'echo "rc=$?"',
  ].join('\n');
}

export function judgeWatchdog(out: ProbeOutput, script: string): CheckOutcome {
  const id = 'android.watchdog';
  const provision = t('run: gate-mqtt provision (registers it with termux-job-scheduler)');
  // Termux:API is an app of its own: without it the boot hook still works, so this is a note, not a warning.
  if (field(out.output, 'scheduler') === 'absent')
    return pass(id, t('no termux-job-scheduler (Termux:API): no periodic job; the boot hook brings pm2 back at boot'));
  if (out.timedOut || field(out.output, 'rc') !== '0')
    return warn(
      id,
      t('termux-job-scheduler did not answer (is the Termux:API app installed?)'),
      t('install the Termux:API app and open it once, then run: gate-mqtt provision'),
    );
  if (!hasWatchdogJob(out.output, script))
    return warn(id, t('no periodic job brings pm2 back after Android kills it'), provision);
  if (field(out.output, 'script') !== 'exec')
    return warn(
      id,
      t('job {{id}} is registered but {{file}} is missing or not executable', { id: WATCHDOG_JOB_ID, file: script }),
      provision,
    );
  const period = formatDuration(WATCHDOG_PERIOD_MS / 1000);
  return pass(
    id,
    t('job {{id}} runs {{file}} every {{period}} (Termux:API)', { id: WATCHDOG_JOB_ID, file: script, period }),
  );
}

export const androidWatchdog: CheckModule = {
  id: 'android.watchdog',
  get title() {
    return t('pm2 brought back after Android kills it');
  },
  run: async (env) => {
    const { jobScheduler, watchdogScript } = env.profile.paths;
    const out = await env.prober.probe(
      'watchdog',
      watchdogProbe(jobScheduler, watchdogScript),
      SCHEDULER_TIMEOUT_MS + 4000,
    );
    return [judgeWatchdog(out, watchdogScript)];
  },
};
