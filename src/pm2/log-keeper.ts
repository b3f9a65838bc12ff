import type { Profile } from '../platform/profile.js';
import type { BrokerDefinition } from './definition.js';

/** The pm2 process that keeps the broker's log (and pm2's own) bounded between our runs. */
export const LOG_KEEPER_NAME = 'mqtt-logs';

/** A log above this size is moved to FILE.1 (the one old file kept) and started afresh. */
export const MAX_LOG_BYTES = 1024 * 1024;

/** How often the keeper looks (seconds); a test may ask for less, through the environment. */
export function keeperIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.GATE_MQTT_LOG_CHECK_SECONDS);
  return Number.isInteger(asked) && asked > 0 && asked <= 3600 ? asked : 60;
}

/**
 * A few lines of sh, not a node process: on a phone every resident megabyte counts (sh and sleep take
 * about one). pm2 appends to the log with O_APPEND, so a copy and a truncation in place is safe: pm2
 * writes on at the new end (lines written between the copy and the truncation are lost, as with
 * logrotate's copytruncate).
 */
const KEEPER_SCRIPT = [
  'max=$1; every=$2; shift 2',
  'while :; do',
  '  for log in "$@"; do',
  '    size=$(wc -c < "$log" 2>/dev/null) || continue',
  '    if [ "$size" -gt "$max" ]; then cp "$log" "$log.1" && : > "$log"; fi',
  '  done',
  '  sleep "$every"',
  'done',
].join('\n');

export function logKeeperDefinition(profile: Profile, env: NodeJS.ProcessEnv = process.env): BrokerDefinition {
  return {
    name: LOG_KEEPER_NAME,
    script: profile.shell,
    args: [
      '-c',
      KEEPER_SCRIPT,
      LOG_KEEPER_NAME,
      String(MAX_LOG_BYTES),
      String(keeperIntervalSeconds(env)),
      profile.paths.brokerLog,
      profile.pm2.daemonLog,
    ],
    interpreter: 'none',
    autorestart: true,
    exp_backoff_restart_delay: 1000,
    min_uptime: 5000,
    kill_timeout: 1000,
    out_file: '/dev/null',
    error_file: '/dev/null',
    merge_logs: true,
    cwd: profile.paths.home,
  };
}
