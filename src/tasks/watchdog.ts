import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Context } from '../context/context.js';
import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import {
  hasWatchdogJob,
  listsWatchdogJob,
  renderWatchdog,
  SCHEDULER_TIMEOUT_MS,
  WATCHDOG_JOB_ID,
  WATCHDOG_PERIOD_MS,
  watchdogCancelArgs,
  watchdogScheduleArgs,
} from '../platform/watchdog.js';
import { describeFailure, type RunResult, tail } from '../run/runner.js';

const executable = (file: string) =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

/** Why termux-job-scheduler gave no usable answer, in one line. */
function why(result: RunResult): string {
  if (result.exitCode !== 0 || result.timedOut)
    return describeFailure('termux-job-scheduler', result, SCHEDULER_TIMEOUT_MS);
  return t('termux-job-scheduler said: "{{said}}"', { said: tail(result.stdout) || tail(result.stderr) });
}

/**
 * Where Termux:API is installed, a periodic job brings pm2 and the broker back when Android has killed
 * pm2's daemon (the boot hook only helps at the next boot). It is optional: without the tool, or when the
 * Termux:API app does not answer, provision goes on (a warning says what to install), never fails.
 */
export function watchdogStep(ctx: Context): Step {
  const { paths } = ctx.profile;
  const scheduler = paths.jobScheduler;
  const script = paths.watchdogScript;
  const install = () => t('install the Termux:API app and open it once, then run: gate-mqtt provision');
  return {
    id: 'startup.watchdog',
    title: t('Brought back after Android kills pm2'),
    run: async () => {
      if (!(await executable(scheduler)))
        return done(t('no termux-job-scheduler (Termux:API): no periodic job; the boot hook brings pm2 back at boot'));
      const written = await ctx.writer.write(script, renderWatchdog(ctx.profile), { mode: 0o700, reason: 'watchdog' });
      const changed = written.changed || (await ctx.writer.ensureMode(script, 0o700));
      const job = { id: WATCHDOG_JOB_ID, file: script, period: formatDuration(WATCHDOG_PERIOD_MS / 1000) };
      const pending = await ctx.runner.run([scheduler, ['--pending']], { timeoutMs: SCHEDULER_TIMEOUT_MS });
      if (pending.exitCode !== 0 || pending.timedOut) return done(why(pending), changed, { warning: install() });
      if (hasWatchdogJob(pending.stdout, script))
        return done(t('job {{id}} runs {{file}} every {{period}} (Termux:API)', job), changed);
      const scheduled = await ctx.runner.run([scheduler, watchdogScheduleArgs(script)], {
        timeoutMs: SCHEDULER_TIMEOUT_MS,
        mutates: true,
      });
      if (scheduled.skipped) return done(t('dry-run: would register job {{id}}: {{file}} every {{period}}', job), true);
      // Termux:API lists the pending jobs after scheduling one: ours must be among them.
      if (!hasWatchdogJob(scheduled.stdout, script)) return done(why(scheduled), changed, { warning: install() });
      return done(t('registered job {{id}}: {{file}} every {{period}} (Termux:API)', job), true);
    },
  };
}

/**
 * Uninstall: our job cancelled where Termux:API lists it (checked by listing again). `before` runs just
 * before the cancel (the uninstall's journal). Termux:API not answering is a problem said, never a
 * failure: the script does nothing once the boot hook is gone.
 */
export async function cancelWatchdogJob(
  ctx: Context,
  before: () => Promise<void>,
): Promise<{ cancelled: boolean; problem?: string }> {
  const { jobScheduler: scheduler, watchdogScript: script } = ctx.profile.paths;
  if (!(await executable(scheduler))) return { cancelled: false };
  const list = () => ctx.runner.run([scheduler, ['--pending']], { timeoutMs: SCHEDULER_TIMEOUT_MS });
  const pending = await list();
  if (pending.exitCode !== 0 || pending.timedOut) return { cancelled: false, problem: why(pending) };
  if (!listsWatchdogJob(pending.stdout, script)) return { cancelled: false };
  await before();
  const cancel = await ctx.runner.run([scheduler, watchdogCancelArgs()], {
    timeoutMs: SCHEDULER_TIMEOUT_MS,
    mutates: true,
  });
  if (cancel.skipped) return { cancelled: true };
  if (cancel.exitCode !== 0 || cancel.timedOut) return { cancelled: false, problem: why(cancel) };
  const after = await list();
  if (after.exitCode !== 0 || after.timedOut || listsWatchdogJob(after.stdout, script))
    return { cancelled: false, problem: why(after) };
  return { cancelled: true };
}
