import type { Profile } from '../platform/profile.js';
import { type Pm2Process, PROCESS_NAME } from './process-list.js';

/** The pm2 app definition of the broker: no interpreter, backoff so a broken config does not spin. */
export interface BrokerDefinition {
  name: string;
  script: string;
  args: string[];
  interpreter: 'none';
  autorestart: true;
  exp_backoff_restart_delay: number;
  min_uptime: number;
  kill_timeout: number;
  out_file: string;
  error_file: string;
  merge_logs: true;
  cwd: string;
}

export function brokerDefinition(profile: Profile, mosquitto: string): BrokerDefinition {
  return {
    name: PROCESS_NAME,
    script: mosquitto,
    args: ['-c', profile.paths.configFile],
    interpreter: 'none',
    autorestart: true,
    // 0.5 s, then x1.5 per crash up to pm2's 15 s ceiling: a crash loop costs little and clears itself
    exp_backoff_restart_delay: 500,
    min_uptime: 5000,
    kill_timeout: 3000,
    out_file: profile.paths.brokerLog,
    error_file: profile.paths.brokerLog,
    merge_logs: true,
    cwd: profile.paths.home,
  };
}

export function definitionFile(definition: BrokerDefinition): string {
  return `${JSON.stringify({ apps: [definition] }, null, 2)}\n`;
}

/** Whether the running process already is this definition (same binary, arguments and log). */
export function matchesDefinition(process: Pm2Process, definition: BrokerDefinition): boolean {
  return (
    process.execPath === definition.script &&
    JSON.stringify(process.args) === JSON.stringify(definition.args) &&
    process.outLog === definition.out_file
  );
}
