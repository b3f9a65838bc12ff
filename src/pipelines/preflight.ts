import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context/context.js';
import { formatNumber, localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { asGateError, ExitCode, failed, unsupported } from '../model/errors.js';
import { done, type Pipeline, type Step, skipped } from '../model/steps.js';
import { acquireLock, type Lock } from '../platform/lock.js';
import { atLeast } from '../run/versions.js';
import { backupOfChange, finishChange, isWayBackGone } from '../tasks/finish.js';
import { endChange, readJournal } from '../tasks/journal.js';
import { recoverConfig } from '../tasks/packages.js';
import { targetOnDisk } from '../tasks/serve.js';

export const NODE_FLOOR = '20.0.0';
/** Below this much free space a config write or a package install may fail half-way. */
export const MIN_FREE_BYTES = 5 * 1024 * 1024;
/** Unix socket paths (pm2's rpc.sock) must fit in 108 bytes. */
export const MAX_SOCKET_PATH = 100;

async function freeBytes(start: string): Promise<number> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const info = await statfs(dir);
      return info.bavail * info.bsize;
    } catch {
      if (dir === path.dirname(dir))
        throw failed(t('cannot read free space near {{folder}}', { folder: start }), t('check that the prefix exists'));
    }
  }
}

export function nodeStep(ctx: Context): Step {
  return {
    id: 'preflight.node',
    title: t('Node.js version'),
    run: async () => {
      const version = process.version;
      if (!atLeast(version, NODE_FLOOR)) {
        throw unsupported(
          t('Node.js {{version}} is older than {{floor}}', { version, floor: NODE_FLOOR }),
          t('install a newer nodejs package'),
        );
      }
      if (ctx.profile.pm2.rpcSocket.length > MAX_SOCKET_PATH) {
        throw unsupported(
          t('the pm2 home {{folder}} is too long for a unix socket', { folder: ctx.profile.pm2.home }),
          t('use a shorter --root'),
        );
      }
      return done(t('{{version}} (floor {{floor}})', { version, floor: NODE_FLOOR }));
    },
  };
}

export function diskStep(ctx: Context): Step {
  const prefix = ctx.profile.paths.prefix;
  return {
    id: 'preflight.disk',
    title: t('Free disk space'),
    run: async () => {
      const free = await freeBytes(prefix);
      const mib = formatNumber(free / 1024 / 1024, 1);
      if (free < MIN_FREE_BYTES) {
        const need = MIN_FREE_BYTES / 1024 / 1024;
        throw failed(
          t('only {{free}} MiB free below {{folder}}; at least {{need}} MiB are needed', {
            free: mib,
            folder: prefix,
            need: formatNumber(need),
          }),
          t('free some space on the device and run again'),
        );
      }
      return done(t('{{free}} MiB free', { free: mib }));
    },
  };
}

/** The run lock, taken for every pipeline (dry-run takes none) and released by the runner when it ends. */
export function lockStep(ctx: Context, command: string, hold: (lock: Lock) => void): Step {
  return {
    id: 'preflight.lock',
    title: t('Run lock'),
    run: async () => {
      if (ctx.dryRun) return skipped(t('dry-run takes no lock'));
      await ctx.writer.ensureDir(ctx.profile.paths.stateDir);
      hold(await acquireLock(ctx.profile.paths.lockFile, command));
      return done(t('held by pid {{pid}}', { pid: process.pid }));
    },
  };
}

/**
 * What a killed run left half done goes first, and is said: the config a package install had set aside
 * is put back; an unfinished change is completed or undone. One that cannot be finished now (the dpkg
 * lock held, say) stops this run (exit 1) and stays for the next, unless its way back is gone or this
 * run is a reset or an uninstall (each brings the gateway to a state of its own): then it is set aside
 * with a warning naming the backup that holds what was there before. The broker is checked afterwards
 * on the listener of the config then on disk.
 */
export function journalStep(ctx: Context, pipeline: Pick<Pipeline, 'command' | 'port'>): Step {
  return {
    id: 'preflight.journal',
    title: t('Unfinished changes'),
    run: async () => {
      const putBack = await recoverConfig(ctx);
      const journal = await readJournal(ctx);
      const target = async () => ({ target: await targetOnDisk(ctx, pipeline.port) });
      if (!journal)
        return putBack
          ? done(t('the config a killed package install had set aside was put back'), true, { learned: await target() })
          : done(t('none'));
      const what = { command: journal.command, time: localTime(new Date(journal.started)) };
      if (ctx.dryRun) return skipped(t('dry-run: would complete or undo the unfinished {{command}} of {{time}}', what));
      try {
        const finished = await finishChange(ctx, journal);
        return done(finished.detail, finished.changed, {
          ...(finished.restarted.length ? { restarted: finished.restarted } : {}),
          learned: await target(),
        });
      } catch (error) {
        const gate = asGateError(error);
        if (gate.exitCode === ExitCode.internal) throw error;
        const overrides = pipeline.command === 'reset' || pipeline.command === 'uninstall';
        if (!isWayBackGone(error) && !overrides)
          throw failed(
            t('the unfinished {{command}} of {{time}} cannot be finished now: {{why}}', { ...what, why: gate.message }),
            t('run the same command again later; gate-mqtt reset --yes brings the factory config back whatever it is'),
          );
        await endChange(ctx);
        const backup = backupOfChange(journal.change);
        return done(
          t('the unfinished {{command}} of {{time}} could be neither completed nor undone: {{why}}', {
            ...what,
            why: gate.message,
          }),
          false,
          {
            learned: await target(),
            warning: backup
              ? t('backup {{id}} holds what was there before: gate-mqtt config restore {{id}}', { id: backup })
              : t('see gate-mqtt config backups and gate-mqtt doctor; the backups hold what was there before'),
          },
        );
      }
    },
  };
}
