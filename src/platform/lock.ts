import { open, readFile, rename, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { GateError, ExitCode } from '../errors.js';
import { processAlive } from './process-alive.js';

interface LockRecord {
  pid: number;
  bootId: string;
  command: string;
  started: string;
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

/**
 * A lock is stale when its owner is gone: another boot (power loss; pids start over), or no such process.
 */
function isStale(record: LockRecord | undefined): boolean {
  if (!record) return true;
  if (record.bootId !== bootId()) return true;
  return !processAlive(record.pid);
}

async function readRecord(file: string): Promise<LockRecord | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockRecord;
  } catch {
    return undefined;
  }
}

export interface Lock {
  release(): Promise<void>;
}

/** Takes the run lock (exit 3 while a live run holds it); a stale lock from a killed run is taken over. */
export async function acquireLock(file: string, command: string): Promise<Lock> {
  const record: LockRecord = { pid: process.pid, bootId: bootId(), command, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(record));
      await handle.sync();
      await handle.close();
      return { release: () => unlink(file).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readRecord(file);
    if (!isStale(holder)) {
      throw new GateError(ExitCode.locked, `another gate-mqtt run (${holder?.command ?? 'unknown'}, pid ${holder?.pid}) holds ${file}; nothing was changed`, 'wait for it to finish and run again');
    }
    // Move the stale lock aside atomically so two runs cannot both take it over.
    const aside = `${file}.stale.${process.pid}`;
    if (!(await rename(file, aside).then(() => true, () => false))) continue;
    const moved = await readRecord(aside);
    if (moved && !isStale(moved)) {
      // Another run took the stale lock over between our read and our rename: give its lock back.
      await rename(aside, file).catch(() => undefined);
      continue;
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new GateError(ExitCode.locked, `could not take ${file}; nothing was changed`, 'run again');
}
