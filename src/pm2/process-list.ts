import { msg, t } from '../i18n/translate.js';
import type { Pm2Process } from '../model/processes.js';

export type { Pm2Process } from '../model/processes.js';

/** pm2's process list as data: what the daemon's getMonitorData (and `pm2 jlist`) says of each process. */

export const PROCESS_NAME = 'mqtt';

/**
 * pm2's states (pm2/constants.js) and ours (no process, no daemon) as people read them: pm2's own word in
 * English, the technician's in Polish. JSON keeps pm2's word.
 */
const STATUS_TEXT: Record<string, string> = {
  online: msg('online'),
  stopping: msg('stopping'),
  stopped: msg('stopped'),
  'waiting restart': msg('waiting restart'),
  launching: msg('launching'),
  errored: msg('errored'),
  'one-launch-status': msg('one-launch-status'),
  missing: msg('missing'),
  'no daemon': msg('no daemon'),
  unknown: msg('unknown'),
};

/** A pm2 state for people ("zatrzymany"); a state we do not know is shown as pm2 says it. */
export function describePm2Status(status: string): string {
  const key = STATUS_TEXT[status];
  return key === undefined ? status : t(key);
}

export interface RawProcess {
  name?: string;
  pid?: number;
  pm_id?: number;
  pm2_env?: {
    pm_id?: number;
    status?: string;
    restart_time?: number;
    pm_uptime?: number;
    pm_exec_path?: string;
    args?: string[] | string;
    pm_out_log_path?: string;
    pm_err_log_path?: string;
  };
}

export function toProcess(raw: RawProcess): Pm2Process {
  const env = raw.pm2_env ?? {};
  return {
    name: raw.name ?? '',
    id: raw.pm_id ?? env.pm_id ?? -1,
    pid: raw.pid ?? 0,
    status: env.status ?? 'unknown',
    restarts: env.restart_time ?? 0,
    uptimeSince: env.pm_uptime,
    execPath: env.pm_exec_path ?? '',
    args: Array.isArray(env.args) ? env.args : env.args ? [env.args] : [],
    outLog: env.pm_out_log_path,
    errLog: env.pm_err_log_path,
  };
}

/** A printed process list may follow "Spawning PM2 daemon" lines: the JSON is the last line that starts with '['. */
export function parseJlist(stdout: string): Pm2Process[] {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.trimStart().startsWith('['));
  if (!line) throw new Error(t('pm2 printed no process list'));
  return (JSON.parse(line) as RawProcess[]).map(toProcess);
}

/**
 * What the pm2 probe printed (src/checks/shared.ts): mqtt online as pm2's files and /proc show it
 * ("pm2-files id=N pid=P start=TICKS uptime=SECONDS": its start in clock ticks after boot, the
 * machine's uptime; USER_HZ is 100 on Linux), or the daemon's list.
 */
export function parsePm2Probe(output: string): Pm2Process[] {
  const files = /^pm2-files id=(\d+) pid=(\d+) start=(\d+) uptime=([\d.]+)$/m.exec(output);
  if (!files) return parseJlist(output);
  const now = Number(/^now=(\d+)$/m.exec(output)?.[1] ?? Date.now() / 1000);
  const ageSeconds = Math.max(0, Number(files[4]) - Number(files[3]) / 100);
  return [
    {
      name: PROCESS_NAME,
      id: Number(files[1]),
      pid: Number(files[2]),
      status: 'online',
      restarts: undefined,
      uptimeSince: Math.round((now - ageSeconds) * 1000),
      execPath: '',
      args: [],
      outLog: undefined,
      errLog: undefined,
    },
  ];
}

/** Process names recorded in pm2's dump (what `pm2 resurrect` brings back at boot). */
export function parseDump(text: string): string[] {
  const list = JSON.parse(text) as Array<{ name?: string }>;
  return list.map((p) => p.name ?? '');
}
