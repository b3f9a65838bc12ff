import { lstat } from 'node:fs/promises';
import { brokersServing, stopProcesses } from '../broker/orphans.js';
import type { Context } from '../context/context.js';
import { filesBelow } from '../fsx/backups.js';
import { t } from '../i18n/translate.js';
import { OUR_PROCESSES } from '../keeper/definition.js';
import { orphanKeepers } from '../keeper/processes.js';
import { done, type Step } from '../model/steps.js';
import { WATCHDOG_JOB_ID } from '../platform/watchdog.js';
import { dumpWithout } from '../pm2/pm2.js';
import { replaceOrphans } from './broker-process.js';
import { beginChange, readJournal } from './journal.js';
import { cancelWatchdogJob } from './watchdog.js';

export interface UninstallOptions {
  /** Also remove the config and the broker's data, after a final backup (the backups folder stays). */
  purge: boolean;
}

const OURS = OUR_PROCESSES;

/**
 * Giving the broker up, from what the device shows: each part is done when it is not yet, and an
 * uninstall begun is completed by any later run (its journal, written before the first change of it).
 */

/** The journal of this uninstall, before its first change (one already there stays: it says the same). */
async function begin(ctx: Context, purge: boolean): Promise<void> {
  if (!(await readJournal(ctx))) await beginChange(ctx, 'uninstall', { kind: 'uninstall', purge });
}

/** Our processes out of pm2 (no daemon is started to find out), and no broker or keeper of this gateway left. */
async function removeProcesses(ctx: Context, purge: boolean): Promise<string[]> {
  const running = (await ctx.pm2.daemonRunning()) ? await ctx.pm2.list() : [];
  const names = running.map((p) => p.name).filter((name) => OURS.includes(name));
  const orphans = [
    ...(await brokersServing(ctx.profile.paths.configFile)),
    ...(await orphanKeepers(ctx.profile.paths.stateDir, undefined)),
  ];
  if (names.length === 0 && orphans.length === 0) return [];
  await begin(ctx, purge);
  for (const name of names) await ctx.pm2.remove(name);
  // Once pm2 runs none, a broker of this config still running is an orphan (a killed pm2 daemon's child).
  await stopProcesses(await orphanKeepers(ctx.profile.paths.stateDir, undefined), 1000);
  const left = await brokersServing(ctx.profile.paths.configFile);
  await replaceOrphans(ctx, left);
  return [...names, ...(left.length ? [t('{{count}} broker(s) outside pm2', { count: left.length })] : [])];
}

/** pm2's dump without our processes, so `pm2 resurrect` at boot does not bring them back. */
async function dropFromDump(ctx: Context, purge: boolean): Promise<boolean> {
  const saved = await ctx.pm2.dumpNames();
  if (!saved.some((name) => OURS.includes(name))) return false;
  await begin(ctx, purge);
  const file = ctx.profile.pm2.dumpFile;
  await ctx.writer.write(file, await dumpWithout(file, OURS), { mode: 0o600, reason: 'pm2-dump', backup: 'beside' });
  return true;
}

const present = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

async function removeHook(ctx: Context, purge: boolean): Promise<boolean> {
  if (await present(ctx.profile.paths.bootHook)) await begin(ctx, purge);
  return ctx.writer.remove(ctx.profile.paths.bootHook, { reason: 'uninstall' });
}

/** Termux:API's periodic job cancelled and its script removed (backed up): nothing of ours runs at all. */
async function removeWatchdog(ctx: Context, purge: boolean): Promise<{ parts: string[]; problem?: string }> {
  const script = ctx.profile.paths.watchdogScript;
  const job = await cancelWatchdogJob(ctx, () => begin(ctx, purge));
  if (await present(script)) await begin(ctx, purge);
  const removed = await ctx.writer.remove(script, { reason: 'uninstall' });
  const parts = [
    ...(job.cancelled ? [t('job {{id}} cancelled (Termux:API)', { id: WATCHDOG_JOB_ID })] : []),
    ...(removed ? [t('removed {{file}} (a backup is kept)', { file: script })] : []),
  ];
  return { parts, ...(job.problem ? { problem: job.problem } : {}) };
}

/** --purge: one final backup of the config folder and the broker's data, then both emptied. */
async function purgeFiles(ctx: Context): Promise<{ count: number; backup?: string }> {
  const { etcMosquitto, dataDir } = ctx.profile.paths;
  const files = [...(await filesBelow(etcMosquitto)), ...(await filesBelow(dataDir))];
  if (files.length === 0) return { count: 0 };
  await begin(ctx, true);
  const backup = ctx.dryRun ? undefined : await ctx.writer.backup('uninstall-purge', files);
  await ctx.writer.clearDir(etcMosquitto, { reason: 'uninstall-purge' });
  await ctx.writer.clearDir(dataDir, { reason: 'uninstall-purge' });
  return { count: files.length, ...(backup ? { backup: backup.id } : {}) };
}

/** An uninstall begun by a run that did not end, completed: every part that is not done yet. */
export async function completeUninstall(ctx: Context, purge: boolean): Promise<string> {
  const removed = await removeProcesses(ctx, purge);
  await dropFromDump(ctx, purge);
  await removeHook(ctx, purge);
  await removeWatchdog(ctx, purge);
  if (purge) await purgeFiles(ctx);
  return removed.length
    ? t('removed {{names}}; the boot hook and the saved process list are clear', { names: removed.join(', ') })
    : t('the broker is out of pm2, its saved list and the boot hook');
}

export function pm2RemoveStep(ctx: Context, options: UninstallOptions): Step {
  return {
    id: 'pm2.remove',
    title: t('pm2 processes removed'),
    run: async () => {
      const removed = await removeProcesses(ctx, options.purge);
      return removed.length
        ? done(t('removed {{names}}', { names: removed.join(', ') }), true)
        : done(t('pm2 runs none of {{names}}, and no broker of this config runs', { names: OURS.join(', ') }));
    },
  };
}

export function dumpWithoutStep(ctx: Context, options: UninstallOptions): Step {
  return {
    id: 'pm2.save',
    title: t('pm2 process list saved'),
    run: async () =>
      (await dropFromDump(ctx, options.purge))
        ? done(t('saved to {{file}}', { file: ctx.profile.pm2.dumpFile }), true)
        : done(t('{{file}} holds none of them', { file: ctx.profile.pm2.dumpFile })),
  };
}

export function bootHookRemoveStep(ctx: Context, options: UninstallOptions): Step {
  return {
    id: 'startup.hook',
    title: t('Start at boot'),
    run: async () =>
      (await removeHook(ctx, options.purge))
        ? done(t('removed {{file}} (a backup is kept)', { file: ctx.profile.paths.bootHook }), true)
        : done(t('no boot hook at {{file}}', { file: ctx.profile.paths.bootHook })),
  };
}

export function watchdogRemoveStep(ctx: Context, options: UninstallOptions): Step {
  return {
    id: 'startup.watchdog-remove',
    title: t('Brought back after Android kills pm2'),
    run: async () => {
      const { parts, problem } = await removeWatchdog(ctx, options.purge);
      const detail = [...parts, ...(problem ? [problem] : [])].join('; ') || t('no periodic job of gate-mqtt');
      if (!problem) return done(detail, parts.length > 0);
      return done(detail, parts.length > 0, {
        warning: t('cancel it in Termux: termux-job-scheduler --cancel --job-id {{id}}', { id: WATCHDOG_JOB_ID }),
      });
    },
  };
}

export function purgeStep(ctx: Context): Step {
  return {
    id: 'config.purge',
    title: t('Config and data removed'),
    run: async () => {
      const purged = await purgeFiles(ctx);
      if (purged.count === 0) return done(t('no config or data left'));
      return done(
        purged.backup
          ? t('removed {{count}} file(s); backup {{backup}} holds them', { count: purged.count, backup: purged.backup })
          : t('removed {{count}} file(s)', { count: purged.count }),
        true,
      );
    },
  };
}
