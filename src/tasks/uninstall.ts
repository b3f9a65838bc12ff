import type { Context } from '../context/context.js';
import { filesBelow } from '../fsx/backups.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import { LOG_KEEPER_NAME } from '../pm2/log-keeper.js';
import { PROCESS_NAME } from '../pm2/process-list.js';

export interface UninstallOptions {
  /** Also remove the config and the broker's data, after a final backup (the backups folder stays). */
  purge: boolean;
}

export const OURS = [PROCESS_NAME, LOG_KEEPER_NAME];

/** `mqtt` and `mqtt-logs` stopped and deleted from pm2 (no daemon is started to find out). */
export function pm2RemoveStep(ctx: Context): Step {
  return {
    id: 'pm2.remove',
    title: t('pm2 processes removed'),
    run: async () => {
      if (!(await ctx.pm2.daemonRunning())) return done(t('no pm2 daemon runs: nothing to remove'));
      const names = (await ctx.pm2.list()).map((p) => p.name).filter((name) => OURS.includes(name));
      for (const name of names) await ctx.pm2.remove(name);
      return names.length
        ? done(t('removed {{names}}', { names: names.join(', ') }), true, { learned: { processListChanged: true } })
        : done(t('pm2 runs none of {{names}}', { names: OURS.join(', ') }));
    },
  };
}

/** pm2's dump without our processes, so `pm2 resurrect` at boot does not bring them back. */
export function dumpWithoutStep(ctx: Context): Step {
  return {
    id: 'pm2.save',
    title: t('pm2 process list saved'),
    run: async (facts) => {
      const saved = await ctx.pm2.dumpNames();
      if (!facts.processListChanged && !saved.some((name) => OURS.includes(name)))
        return done(t('{{file}} holds none of them', { file: ctx.profile.pm2.dumpFile }));
      if (!(await ctx.pm2.daemonRunning())) {
        // No daemon to ask: our entries are dropped from the dump as it is.
        const { dumpWithout } = await import('../pm2/pm2.js');
        await ctx.writer.write(ctx.profile.pm2.dumpFile, await dumpWithout(ctx.profile.pm2.dumpFile, OURS), {
          mode: 0o600,
          reason: 'pm2-dump',
          backup: 'beside',
        });
      } else
        await ctx.writer.write(ctx.profile.pm2.dumpFile, await ctx.pm2.dumpText(), {
          mode: 0o600,
          reason: 'pm2-dump',
          backup: 'beside',
        });
      return done(t('saved to {{file}}', { file: ctx.profile.pm2.dumpFile }), true);
    },
  };
}

export function bootHookRemoveStep(ctx: Context): Step {
  return {
    id: 'startup.hook',
    title: t('Start at boot'),
    run: async () =>
      (await ctx.writer.remove(ctx.profile.paths.bootHook, { reason: 'uninstall' }))
        ? done(t('removed {{file}} (a backup is kept)', { file: ctx.profile.paths.bootHook }), true)
        : done(t('no boot hook at {{file}}', { file: ctx.profile.paths.bootHook })),
  };
}

/** --purge: one final backup of the config folder and the broker's data, then both emptied. */
export function purgeStep(ctx: Context): Step {
  const { etcMosquitto, dataDir } = ctx.profile.paths;
  return {
    id: 'config.purge',
    title: t('Config and data removed'),
    run: async () => {
      const files = [
        ...(await filesBelow(etcMosquitto).catch(() => [] as string[])),
        ...(await filesBelow(dataDir).catch(() => [] as string[])),
      ];
      if (files.length === 0) return done(t('no config or data left'));
      const backup = ctx.dryRun ? undefined : await ctx.writer.backup('uninstall-purge', files);
      await ctx.writer.clearDir(etcMosquitto, { reason: 'uninstall-purge' });
      await ctx.writer.clearDir(dataDir, { reason: 'uninstall-purge' });
      return done(
        backup
          ? t('removed {{count}} file(s); backup {{backup}} holds them', { count: files.length, backup: backup.id })
          : t('removed {{count}} file(s)', { count: files.length }),
        true,
      );
    },
  };
}
