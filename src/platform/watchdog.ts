import { renderBootHook } from './boot-hook.js';
import type { Profile } from './profile.js';

/**
 * The periodic job that brings pm2 back after Android killed its daemon (the phantom process killer and
 * the low-memory killer send signal 9; nothing restarts pm2 until the next boot). Termux:API's
 * `termux-job-scheduler` runs it through Android's JobScheduler, which outlives the killed processes.
 */

/** The job's id in Termux:API (one id per app; scheduling the same id again replaces the job): MQTT's port. */
export const WATCHDOG_JOB_ID = 1883;

/** Android's shortest period for a periodic job (since Android 7): every 15 minutes. */
export const WATCHDOG_PERIOD_MS = 15 * 60 * 1000;

/** termux-api waits for its app without a limit when the Termux:API app is not installed. */
export const SCHEDULER_TIMEOUT_MS = 8000;

/**
 * The script; {{NAME}} places are filled as in the boot hook (platform/boot-hook.ts), every value quoted.
 * It does nothing while pm2's daemon lives, and nothing once the boot hook is gone (uninstall gave the
 * broker up). A broker the killed daemon left running holds the port: it is stopped (TERM, KILL after
 * 5 s) before `pm2 resurrect` starts pm2's own.
 */
const TEMPLATE = `#!{{SHELL}}
# Written by gate-mqtt: Termux:API's job scheduler runs this every 15 minutes. When Android has killed
# pm2's daemon, it stops the broker left running without it and brings pm2 and "mqtt" back.
export PM2_HOME={{PM2_HOME}}
export PATH={{PATH}}
[ -e {{BOOT_HOOK}} ] || exit 0
d=$(cat "$PM2_HOME/pm2.pid" 2>/dev/null)
if [ -n "$d" ] && grep -q "God Daemon" "/proc/$d/cmdline" 2>/dev/null; then exit 0; fi
c={{CONFIG}}
brokers() {
  for f in $(grep -a -l -F -- "$c" /proc/[0-9]*/cmdline 2>/dev/null); do
    case "$(tr '\\0' ' ' < "$f" 2>/dev/null)" in
      mosquitto\\ *"-c $c "*|*/mosquitto\\ *"-c $c "*) p=\${f#/proc/}; echo "\${p%/cmdline}";;
    esac
  done
}
b=$(brokers)
if [ -n "$b" ]; then
  kill $b 2>/dev/null
  n=0
  while [ $n -lt 5 ] && b=$(brokers) && [ -n "$b" ]; do sleep 1; n=$((n + 1)); done
  [ -z "$b" ] || kill -9 $b 2>/dev/null
fi
exec {{NODE}} {{PM2}} resurrect
`;

export function renderWatchdog(profile: Profile): string {
  return renderBootHook(profile, TEMPLATE);
}

/** termux-job-scheduler's arguments that register the job: persisted (survives reboots), any battery or network. */
export function watchdogScheduleArgs(script: string): string[] {
  return [
    ...['--job-id', String(WATCHDOG_JOB_ID), '--script', script, '--period-ms', String(WATCHDOG_PERIOD_MS)],
    ...['--persisted', 'true', '--battery-not-low', 'false', '--network', 'none'],
  ];
}

/**
 * Our job among the pending ones termux-job-scheduler lists (`--pending`, and after scheduling one), as
 * Termux:API's JobSchedulerAPI prints them: "Pending Job ID: PATH<TAB>(periodic: MSms) (persisted) …".
 * True only when it runs our script, periodically and persisted.
 */
export function hasWatchdogJob(printed: string, script: string): boolean {
  return jobLines(printed, script).some(
    (rest) => rest.includes(`(periodic: ${WATCHDOG_PERIOD_MS}ms)`) && rest.includes('(persisted)'),
  );
}

/** Termux:API lists a job of our id running our script, however it is scheduled (uninstall cancels it). */
export const listsWatchdogJob = (printed: string, script: string) => jobLines(printed, script).length > 0;

/** What follows our script's path on each line listing our job id with it. */
function jobLines(printed: string, script: string): string[] {
  const head = `Pending Job ${WATCHDOG_JOB_ID}: ${script}`;
  return (
    printed
      .split('\n')
      .filter((line) => line.startsWith(head))
      .map((line) => line.slice(head.length))
      // a tab after the path, as a pty may have turned it into spaces; never a longer path
      .filter((rest) => /^\s/.test(rest))
  );
}

/** termux-job-scheduler's arguments that cancel our job (and exit). */
export const watchdogCancelArgs = () => ['--cancel', '--job-id', String(WATCHDOG_JOB_ID)];
