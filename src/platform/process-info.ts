import { readFileSync } from 'node:fs';

/** What /proc says of one process: its state letter and when it started (clock ticks since boot). */
export interface ProcessStat {
  state: string;
  startTicks: number;
  parentPid: number;
}

/**
 * Parses /proc/PID/stat. The second field is the program name in parentheses and may itself hold spaces
 * and parentheses, so the fields are counted from the last ')'.
 */
export function parseProcessStat(text: string): ProcessStat | undefined {
  const close = text.lastIndexOf(')');
  if (close === -1) return undefined;
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime)
  const state = fields[0];
  const parentPid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  if (!state || !Number.isInteger(startTicks) || !Number.isInteger(parentPid)) return undefined;
  return { state, startTicks, parentPid };
}

export function readProcessStat(pid: number, proc = '/proc'): ProcessStat | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    return parseProcessStat(readFileSync(`${proc}/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function procAvailable(proc: string): boolean {
  return readProcessStat(process.pid, proc) !== undefined;
}

/** Whether a process with this pid exists (EPERM: it exists but is another user's). */
function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is a live process, and the same one that was recorded when `startTicks` is given. A
 * zombie (killed, not yet reaped) is not alive; a reused pid has another start time. Without /proc
 * (not Linux), only the pid can be asked.
 */
export function processAlive(pid: number, startTicks?: number, proc = '/proc'): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const stat = readProcessStat(pid, proc);
  if (!stat) return procAvailable(proc) ? false : signalable(pid);
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  return startTicks === undefined || stat.startTicks === startTicks;
}

/** This boot's id: it changes at every boot, when pids start over. */
export function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}
