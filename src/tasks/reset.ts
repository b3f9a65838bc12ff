import { readdir } from 'node:fs/promises';
import { factoryConfig } from '../config/factory.js';
import type { Context } from '../context/context.js';
import { sha256 } from '../fsx/backups.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import { beginChange, fileBefore } from './journal.js';
import type { KeeperOptions } from './keeper.js';

export interface ResetOptions extends KeeperOptions {
  keepData: boolean;
  port: number;
}

/** What differs from the factory state: the config, files we made (the --auth password file), the broker's data. */
async function differences(
  ctx: Context,
  options: ResetOptions,
): Promise<{ config: boolean; made: string[]; data: boolean }> {
  const paths = ctx.profile.paths;
  const config = (await readText(paths.configFile).catch(() => undefined)) !== factoryConfig(options.port);
  const made: string[] = [];
  for (const file of [paths.passwordFile, paths.aclFile, paths.legacyPasswordFile])
    if ((await readText(file).catch(() => undefined)) !== undefined) made.push(file);
  const data = !options.keepData && (await readdir(paths.dataDir).catch(() => [])).length > 0;
  return { config, made, data };
}

/** Backs up everything reset will replace or remove, as one backup. */
export function resetBackupStep(ctx: Context, options: ResetOptions): Step {
  const paths = ctx.profile.paths;
  return {
    id: 'reset.backup',
    title: t('Back up the current broker files'),
    run: async () => {
      const diff = await differences(ctx, options);
      if (!diff.config && diff.made.length === 0 && !diff.data)
        return done(t('already the factory state: nothing to back up'));
      const sources = [paths.etcMosquitto, ...(diff.data ? [paths.dataDir] : [])];
      const manifest = await ctx.writer.backup('reset', sources);
      if (ctx.dryRun) {
        const detail = diff.data
          ? t('dry-run: would back up {{config}} and {{data}}', { config: paths.etcMosquitto, data: paths.dataDir })
          : t('dry-run: would back up {{config}}', { config: paths.etcMosquitto });
        return done(detail, true);
      }
      return done(
        manifest
          ? t('backup {{id}} ({{count}} file(s))', { id: manifest.id, count: manifest.entries.length })
          : t('nothing on disk to back up'),
        true,
      );
    },
  };
}

/** The factory config, no password file of ours, no broker data (unless --keep-data); bridges go with the config. */
export function resetConfigStep(ctx: Context, options: ResetOptions): Step {
  const paths = ctx.profile.paths;
  const learned = { target: { host: '127.0.0.1', port: options.port } };
  return {
    id: 'reset.config',
    title: t('Factory config'),
    run: async () => {
      const { port } = options;
      const diff = await differences(ctx, options);
      if (!diff.config && diff.made.length === 0 && !diff.data) {
        return done(t('factory config in place (listener {{port}})', { port }), false, { learned });
      }
      if (diff.config) {
        // The intent first: a later run completes it (a reset is never undone; its backup holds the old files).
        const text = factoryConfig(options.port);
        const from = await fileBefore(ctx, paths.configFile, 'reset');
        await beginChange(ctx, 'reset', {
          kind: 'config',
          file: paths.configFile,
          from,
          to: sha256(text),
          undo: false,
          reason: 'reset',
        });
        await ctx.writer.write(paths.configFile, text, { mode: 0o644, reason: 'reset' });
      }
      for (const file of diff.made) await ctx.writer.remove(file, { reason: 'reset' });
      if (diff.data) await ctx.writer.clearDir(paths.dataDir, { reason: 'reset' });
      const removed = [
        ...diff.made,
        ...(diff.data ? [t('the contents of {{folder}}', { folder: paths.dataDir })] : []),
      ].join(', ');
      const detail = ctx.dryRun
        ? removed
          ? t('dry-run: would write the factory config (listener {{port}}), bridges dropped; removed {{removed}}', {
              port,
              removed,
            })
          : t('dry-run: would write the factory config (listener {{port}}), bridges dropped', { port })
        : removed
          ? t('wrote the factory config (listener {{port}}), bridges dropped; removed {{removed}}', { port, removed })
          : t('wrote the factory config (listener {{port}}), bridges dropped', { port });
      return done(detail, true, {
        learned,
        needsRestart: 'config-changed',
      });
    },
  };
}
