import { lstat } from 'node:fs/promises';
import { readConfigFile } from '../config/load.js';
import {
  DB_MAGIC,
  type DbState,
  judgeDatabase,
  persistenceOf,
  RESTORE_FAILED,
  SET_ASIDE_REASON,
  STARTED,
} from '../config/persistence.js';
import type { Context } from '../context/context.js';
import { openToRead, readEnd } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { done, type Step, skipped } from '../model/steps.js';

/** What is at the database's path, read here as the doctor's probe reads it on the device. */
async function dbState(file: string): Promise<DbState> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return { kind: 'missing' };
  if (info.isSymbolicLink()) return { kind: 'link' };
  if (!info.isFile()) return { kind: 'other' };
  const handle = await openToRead(file).catch(() => undefined); // O_NOFOLLOW: a link planted since is refused
  if (!handle) return { kind: 'unreadable' };
  try {
    const head = Buffer.alloc(DB_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { kind: 'file', size: (await handle.stat()).size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

/** The broker log's lines about restoring the database (the last 300 lines, as the probe's tail). */
async function restoreLines(log: string): Promise<string[]> {
  const end = await readEnd(log, 256 * 1024).catch(() => undefined);
  const lines = end?.data.toString('utf8').split('\n').slice(-300) ?? [];
  return lines.filter((line) => RESTORE_FAILED.test(line) || STARTED.test(line)).slice(-20);
}

/**
 * `doctor --fix` for broker.persistence: a database mosquitto cannot restore is moved into the backups
 * (copied into a finished backup first, then removed: a kill at any moment leaves it in place or kept),
 * and the broker steps after this one start the broker without it. Judged again here, under the lock:
 * a database that is fine by now (set aside by a run before) is left alone.
 */
export function setAsideDatabaseStep(ctx: Context): Step {
  const { paths } = ctx.profile;
  return {
    id: 'broker.persistence',
    title: t('Persistence database'),
    run: async () => {
      const loaded = await readConfigFile(paths.configFile, { cwd: paths.home });
      if (!loaded.ok) return skipped(t('no readable config to check'));
      const where = persistenceOf(loaded.config.model, paths.home);
      if (!where.on) return done(t('persistence off'));
      const lines = await restoreLines(paths.brokerLog);
      const verdict = judgeDatabase(where, await dbState(where.file), lines, Date.now() / 1000);
      if (verdict.state !== 'bad') return done(t('{{file}}: nothing to set aside', { file: where.file }));
      if (ctx.dryRun) {
        await ctx.writer.remove(verdict.file, { reason: SET_ASIDE_REASON });
        return done(t('dry-run: {{file}} would be moved into the backups', { file: verdict.file }), true);
      }
      const backup = await ctx.writer.backup(SET_ASIDE_REASON, [verdict.file]);
      // The copy is whole and named before the database goes (the writer sees it covered: no second copy).
      await ctx.writer.remove(verdict.file, { reason: SET_ASIDE_REASON });
      ctx.log.write(`set aside ${verdict.file} (${verdict.why}) into backup ${backup?.id}`);
      return done(
        t('moved {{file}} into the backups ({{id}}): {{why}}', {
          file: verdict.file,
          id: backup?.id ?? '?',
          why: verdict.why,
        }),
        true,
        { needsRestart: 'database-set-aside' },
      );
    },
  };
}
