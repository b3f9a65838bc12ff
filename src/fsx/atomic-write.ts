import { chmod, open, readdir, rename, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from '../platform/process-info.js';
import { crashPoint } from '../run/fault.js';
import { randomBytes } from '../run/lazy-builtins.js';

export interface WriteOptions {
  mode?: number;
  /** Owner of the new file (set on the temp file, so the file never appears with the wrong owner). */
  owner?: { uid: number; gid: number };
}

/** Flushes a folder's entry list so a rename survives power loss. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A temp file of this writer (".NAME.PID.HEX.tmp"): debris of a killed run, never a file of the user's. */
export const isWriterTemp = (name: string): boolean => /^\..+\.\d+\.[0-9a-f]+\.tmp$/.test(name);

/** Removes temp files a killed writer left beside `file` (their pid no longer runs). */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  const prefix = `.${base}.`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (match && !processAlive(Number(match[1]))) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Writes `content` to `file` so that a reader (or a power cut) sees either the old file or the whole new
 * one: a temp file beside it, fsync, rename, fsync of the folder. The temp file is created with O_EXCL,
 * so a symlink planted at its name is never followed; rename replaces a link at `file` itself.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const mode = options.mode ?? 0o644;
  const dir = path.dirname(file);
  await removeStaleTemps(dir, path.basename(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // Errors name the file the user knows, not our temp file.
  const named = (error: unknown) => Object.assign(error as NodeJS.ErrnoException, { path: file });
  const handle = await open(temp, 'wx', mode).catch((error: unknown) => Promise.reject(named(error)));
  try {
    try {
      await handle.writeFile(content);
      if (options.owner) await handle.chown(options.owner.uid, options.owner.gid);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode); // the umask may have narrowed it
    crashPoint(`rename:${path.basename(file)}`);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw named(error);
  }
  await syncDir(dir);
}

/**
 * Puts a symbolic link at `file` pointing at `target`, atomically (made under a temp name, then renamed
 * over whatever was there): a package's own links stay links instead of copies of what they point at.
 */
export async function linkAtomic(file: string, target: string): Promise<void> {
  const dir = path.dirname(file);
  await removeStaleTemps(dir, path.basename(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await symlink(target, temp);
  try {
    crashPoint(`rename:${path.basename(file)}`);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw Object.assign(error as NodeJS.ErrnoException, { path: file });
  }
  await syncDir(dir);
}
