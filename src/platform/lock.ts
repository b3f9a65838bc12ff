import { constants } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { ExitCode, GateError } from '../model/errors.js';
import { bootId, processAlive, readProcessStat } from './process-info.js';

/** Who holds the lock: the pid alone is not enough (zombies, reused pids), so its start time and the boot too. */
export interface LockRecord {
  pid: number;
  /** Start time of the owner in clock ticks since boot (/proc/PID/stat field 22); absent without /proc. */
  startTicks?: number;
  bootId: string;
  command: string;
  started: string;
}

export function ownRecord(command: string, now = new Date()): LockRecord {
  const startTicks = readProcessStat(process.pid)?.startTicks;
  return {
    pid: process.pid,
    ...(startTicks === undefined ? {} : { startTicks }),
    bootId: bootId(),
    command,
    started: now.toISOString(),
  };
}

/**
 * A lock is held only while its owner runs: the same boot, the same pid with the same start time, and
 * not a zombie. Anything else (power loss, a killed run, a pid reused by another program) is stale.
 */
export function ownerAlive(record: LockRecord | undefined, currentBoot = bootId()): boolean {
  if (!record || typeof record.pid !== 'number') return false;
  if (record.bootId !== currentBoot) return false;
  return processAlive(record.pid, record.startTicks);
}

async function readRecord(file: string): Promise<LockRecord | undefined> {
  try {
    // never through a link planted at the lock's name (O_NOFOLLOW), never waiting on a FIFO
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      return JSON.parse(await handle.readFile('utf8')) as LockRecord;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

export interface Lock {
  release(): Promise<void>;
}

/**
 * Puts a complete record at the lock's name or reports that one is there. The record is written to its
 * own file first and hard-linked into place: a run reading the lock never sees it empty (and so never
 * takes it for stale), and link() neither replaces an existing lock nor follows a planted symlink.
 */
async function publish(file: string, record: LockRecord): Promise<boolean> {
  const draft = `${file}.${process.pid}.new`;
  await unlink(draft).catch(() => undefined);
  const handle = await open(draft, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(record));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return createInPlace(file, record);
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** For file systems without hard links: O_EXCL still refuses an existing lock and a planted symlink. */
async function createInPlace(file: string, record: LockRecord): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600);
    await handle.writeFile(JSON.stringify(record));
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Takes the run lock (exit 3 while a live run holds it); a stale lock from a killed run is taken over. */
export async function acquireLock(file: string, command: string): Promise<Lock> {
  const record = ownRecord(command);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await publish(file, record)) return { release: () => unlink(file).catch(() => undefined) };
    const holder = await readRecord(file);
    if (ownerAlive(holder)) {
      const values = { pid: String(holder?.pid), file };
      throw new GateError(
        ExitCode.locked,
        holder?.command === undefined
          ? t('another gate-mqtt run (unknown, pid {{pid}}) holds {{file}}; nothing was changed', values)
          : t('another gate-mqtt run ({{command}}, pid {{pid}}) holds {{file}}; nothing was changed', {
              ...values,
              command: holder.command,
            }),
        t('wait for it to finish and run again'),
      );
    }
    // Move the stale lock aside atomically so two runs cannot both take it over.
    const aside = `${file}.stale.${process.pid}`;
    if (
      !(await rename(file, aside).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const moved = await readRecord(aside);
    if (ownerAlive(moved)) {
      // Another run took the stale lock over between our read and our rename: give its lock back.
      await rename(aside, file).catch(() => undefined);
      continue;
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new GateError(ExitCode.locked, t('could not take {{file}}; nothing was changed', { file }), t('run again'));
}
