import path from 'node:path';
import type { Context } from '../context/context.js';
import { sha256 } from '../fsx/backups.js';
import { openToRead, readBytes, readText } from '../fsx/read.js';
import type { Change, FileBefore, Journal } from '../model/journal.js';

/**
 * The journal of a change of several steps (a config change, a reset, an upgrade, an uninstall): its
 * intent is written atomically before the first change, and cleared when the run ends well. A later run
 * that finds it completes or undoes the change first (tasks/finish.ts).
 */
export const journalFile = (ctx: Context) => path.join(ctx.profile.paths.stateDir, 'change.json');

/** The unfinished change on this device, if any; a journal that cannot be read is said and set aside. */
export async function readJournal(ctx: Context): Promise<Journal | undefined> {
  const text = await readText(journalFile(ctx));
  if (text === undefined) return undefined;
  try {
    const journal = JSON.parse(text) as Journal;
    if (journal && typeof journal.command === 'string' && journal.change?.kind) return journal;
  } catch {
    // an atomic write is never half there: this is not ours, or was edited by hand
  }
  ctx.log.write(`the journal ${journalFile(ctx)} cannot be read; it is set aside`);
  await ctx.writer.remove(journalFile(ctx), { reason: 'journal' });
  return undefined;
}

/** Writes the intent of a change before its first step touches the device (nothing in dry-run). */
export async function beginChange(ctx: Context, command: string, change: Change): Promise<void> {
  if (ctx.dryRun) return;
  const journal: Journal = { command, started: new Date().toISOString(), change };
  await ctx.writer.write(journalFile(ctx), `${JSON.stringify(journal, null, 2)}\n`, {
    mode: 0o600,
    reason: 'journal',
    backup: 'none',
  });
}

/** The change is done (or undone) and the device serves: the journal goes. */
export async function endChange(ctx: Context): Promise<boolean> {
  if (ctx.dryRun) return false;
  return ctx.writer.remove(journalFile(ctx), { reason: 'journal', backup: 'none' });
}

/**
 * A file as it is now, backed up (with `sources`, when a whole folder goes into the same backup), so it
 * can be put back byte for byte with its mode; null when there is none. The backup is this run's: a later
 * write of the same content makes no second copy.
 */
export async function fileBefore(
  ctx: Context,
  file: string,
  reason: string,
  sources: string[] = [file],
): Promise<FileBefore | null> {
  const handle = await openToRead(file);
  if (!handle) return null;
  let data: Buffer;
  let mode: number;
  try {
    [data, mode] = await Promise.all([handle.readFile(), handle.stat().then((info) => info.mode & 0o7777)]);
  } finally {
    await handle.close();
  }
  const backup =
    ctx.writer.backupOf(file, data) ??
    (await ctx.writer.backup(reason, sources.includes(file) ? sources : [file, ...sources]))?.id;
  return { sha256: sha256(data), mode, backup: backup ?? '' };
}

/** sha256 of a device file now; null when there is none. */
export async function fileHash(file: string): Promise<string | null> {
  const data = await readBytes(file);
  return data === undefined ? null : sha256(data);
}
