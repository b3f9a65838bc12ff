import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { BackupStore } from '../config/backups.js';
import { ensureDir, writeFileAtomic } from './atomic-write.js';

export function backupStore(ctx: Context): BackupStore {
  return new BackupStore(ctx.profile.paths.backupDir, ctx.profile.paths.root || '/');
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface WriteResult {
  changed: boolean;
  backupId?: string;
}

/**
 * Writes a device file when its content differs: the old file is backed up first, the new one lands
 * atomically. In dry-run it only records what it would do.
 */
export async function writeDeviceFile(ctx: Context, file: string, content: string, options: { mode?: number; reason: string }): Promise<WriteResult> {
  const current = await readText(file);
  if (current === content) return { changed: false };
  const mode = options.mode ?? 0o644;
  if (ctx.dryRun) {
    ctx.runner.plan(`${current === undefined ? 'create' : 'back up and replace'} ${file} (${Buffer.byteLength(content)} bytes, mode ${mode.toString(8)})`);
    return { changed: true };
  }
  await ensureDir(path.dirname(file));
  let backupId: string | undefined;
  if (current !== undefined) backupId = (await backupStore(ctx).save(options.reason, [file]))?.id;
  await writeFileAtomic(file, content, { mode });
  return backupId ? { changed: true, backupId } : { changed: true };
}

export async function ensureDeviceDir(ctx: Context, dir: string, mode = 0o755): Promise<boolean> {
  if (ctx.dryRun) {
    const exists = await stat(dir).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!exists) ctx.runner.plan(`create folder ${dir}`);
    return !exists;
  }
  return ensureDir(dir, mode);
}
