import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { readProcessStat } from './process-info.js';

/** Clock ticks per second of /proc/PID/stat's start time (USER_HZ: 100 on Linux and Android). */
const TICKS_PER_SECOND = 100;

/** One process as /proc shows it (only what this user may read). */
export interface ProcInfo {
  pid: number;
  argv: string[];
  uid: number;
  /** When it started (from its start ticks and the boot time); undefined when unreadable. */
  startedAt: Date | undefined;
  startTicks: number | undefined;
  parentPid: number | undefined;
}

async function bootTime(proc: string): Promise<number | undefined> {
  const text = await readFile(`${proc}/stat`, 'utf8').catch(() => '');
  const seconds = Number(/^btime (\d+)$/m.exec(text)?.[1]);
  return Number.isFinite(seconds) ? seconds : undefined;
}

export async function pids(proc = '/proc'): Promise<number[]> {
  const names = await readdir(proc).catch(() => [] as string[]);
  return names.filter((name) => /^\d+$/.test(name)).map(Number);
}

async function readArgv(pid: number, proc: string): Promise<string[] | undefined> {
  try {
    const argv = (await readFile(`${proc}/${pid}/cmdline`)).toString('utf8').split('\0');
    if (argv.at(-1) === '') argv.pop();
    return argv;
  } catch {
    return undefined; // gone, or not ours to read
  }
}

export async function procInfo(
  pid: number,
  proc = '/proc',
  btime?: number,
  knownArgv?: string[],
): Promise<ProcInfo | undefined> {
  try {
    const argv = knownArgv ?? (await readArgv(pid, proc));
    if (!argv) return undefined;
    const { uid } = await stat(`${proc}/${pid}`);
    const info = readProcessStat(pid, proc);
    const boot = btime ?? (await bootTime(proc));
    const startedAt =
      info && boot !== undefined ? new Date((boot + info.startTicks / TICKS_PER_SECOND) * 1000) : undefined;
    return { pid, argv, uid, startedAt, startTicks: info?.startTicks, parentPid: info?.parentPid };
  } catch {
    return undefined; // gone, or not ours to read
  }
}

/** Every process this user can see, filtered by `keep` on its argv. */
export async function findProcesses(keep: (argv: string[]) => boolean, proc = '/proc'): Promise<ProcInfo[]> {
  const boot = await bootTime(proc);
  const out: ProcInfo[] = [];
  for (const pid of await pids(proc)) {
    if (pid === process.pid) continue;
    // Only the command line is read for every process; the rest only for the ones kept.
    const argv = await readArgv(pid, proc);
    if (!argv?.length || !keep(argv)) continue;
    const info = await procInfo(pid, proc, boot, argv);
    if (info) out.push(info);
  }
  return out;
}

/** The pids that hold a socket with this inode open (only processes whose fds this user may read). */
export async function socketOwners(inode: string, proc = '/proc'): Promise<number[]> {
  const owners: number[] = [];
  for (const pid of await pids(proc)) {
    const fds = await readdir(`${proc}/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      if ((await readlink(`${proc}/${pid}/fd/${fd}`).catch(() => '')) === `socket:[${inode}]`) {
        owners.push(pid);
        break;
      }
    }
  }
  return owners;
}
