import type { Context } from '../context/context.js';
import { localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { asGateError, failed } from '../model/errors.js';
import type { Change, FileBefore, Journal } from '../model/journal.js';
import type { PackageState } from '../model/packages.js';
import { describeReasons, done, type RestartReason, type Step, skipped } from '../model/steps.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { keptSet } from '../packages/install.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { endChange, fileHash, readJournal } from './journal.js';
import { installKeepingConfig, readKept } from './packages.js';
import { serveAndVerify } from './serve.js';
import { completeUninstall } from './uninstall.js';

/**
 * A change left unfinished (a killed run, a power cut, Ctrl-C) is completed or undone from its journal,
 * always to a broker that serves: a new config or package that serves is kept, one that does not is put
 * back to what was there before (when the change allows it), an uninstall is completed.
 */

export interface Finished {
  detail: string;
  changed: boolean;
  restarted: RestartReason[];
}

/** Puts a file back as it was before a change: byte for byte from its backup, with its mode. */
async function putBack(ctx: Context, file: string, before: FileBefore, reason: string): Promise<boolean> {
  const store = ctx.writer.backups;
  const data = await store.read(await store.find(file, before.backup), file);
  return (await ctx.writer.write(file, data, { mode: before.mode, reason })).changed;
}

type PackageChange = Extract<Change, { kind: 'package' }>;

/** A package record's kept files installed (again: idempotent), the config kept byte for byte. */
async function installKept(ctx: Context, state: PackageState): Promise<void> {
  await installKeepingConfig(ctx, await keptSet(state, readKept(ctx)), state.source);
}

/**
 * The package before the change back in place (its kept files installed again: a killed install may have
 * left files of either), the config as it was, the broker proven.
 */
async function undoPackage(ctx: Context, change: PackageChange): Promise<string> {
  if (!change.from) throw failed(t('no kept package of the previous version: nothing to go back to'));
  await installKept(ctx, change.from);
  const file = ctx.profile.paths.configFile;
  if (change.config && (await fileHash(file)) !== change.config.sha256)
    await putBack(ctx, file, change.config, 'upgrade-rolled-back');
  await serveAndVerify(ctx); // the binary put back is newer than the broker: it restarts for that
  await endChange(ctx);
  return t('mosquitto {{version}} was put back and the broker answers', { version: change.from.broker.version });
}

/** Undoes this run's (or a killed run's) change and proves the broker serves; says what it did. */
export async function undoChange(ctx: Context, journal: Journal): Promise<string> {
  const { change } = journal;
  if (change.kind === 'package') return undoPackage(ctx, change);
  if (change.kind === 'config' && change.undo && change.from) {
    const reason = `${change.reason}-rejected`;
    const changed = await putBack(ctx, change.file, change.from, reason);
    await serveAndVerify(ctx, changed ? ['rolled-back'] : []);
    await endChange(ctx);
    return t('the previous config was put back and the broker answers');
  }
  if (change.kind === 'config' && change.undo)
    throw failed(
      t('the new config did not come up and there was no previous config to put back'),
      t('run: gate-mqtt reset'),
    );
  throw failed(t('{{command}} cannot be undone', { command: journal.command }));
}

/**
 * Whether what the change was going to put in place is there now. A package change is made to arrive:
 * its kept files are installed again (a killed install may have placed some files and not others, or
 * not yet written its record); false when they are not all kept yet.
 */
async function arrived(ctx: Context, change: Exclude<Change, { kind: 'uninstall' }>): Promise<boolean> {
  if (change.kind === 'config') return (await fileHash(change.file)) === change.to;
  try {
    await installKept(ctx, change.toState);
    return true;
  } catch (error) {
    ctx.log.write(`the package ${change.to} cannot be installed again: ${asGateError(error).message}`);
    return false;
  }
}

/**
 * Completes an unfinished change when what it put in place serves, undoes it when it does not (or when
 * it never got there); an uninstall is completed. Throws when neither can be done.
 */
export async function finishChange(ctx: Context, journal: Journal): Promise<Finished> {
  const { change } = journal;
  const what = { command: journal.command, time: localTime(new Date(journal.started)) };
  const completed = (detail: string, restarted: RestartReason[], changed = true): Finished => ({
    detail: t('the unfinished {{command}} of {{time}} was completed: {{detail}}', { ...what, detail }),
    changed,
    restarted,
  });
  if (change.kind === 'uninstall') {
    const detail = await completeUninstall(ctx, change.purge);
    await endChange(ctx);
    return completed(detail, []);
  }
  const there = await arrived(ctx, change);
  if (change.kind === 'config' && !there && (await fileHash(change.file)) !== (change.from?.sha256 ?? null)) {
    // Neither the config before nor the new one: edited by hand since. That is the user's, and stays.
    await endChange(ctx);
    return {
      detail: t('the unfinished {{command}} of {{time}} is left: the config was changed since by hand', what),
      changed: false,
      restarted: [],
    };
  }
  const mayUndo = change.kind === 'package' || (change.undo && change.from !== null);
  if (!there && !mayUndo) {
    // A reset not carried out yet: what is on disk is served; the reset itself runs again when asked.
    const served = await serveAndVerify(ctx);
    await endChange(ctx);
    return {
      detail: t('the unfinished {{command}} of {{time}} had not changed the config yet: {{detail}}', {
        ...what,
        detail: served.detail,
      }),
      changed: served.restarted.length > 0,
      restarted: served.restarted,
    };
  }
  if (there)
    try {
      const served = await serveAndVerify(ctx);
      await endChange(ctx);
      return completed(served.detail, served.restarted, served.restarted.length > 0);
    } catch (error) {
      if (!mayUndo) throw error;
      const why = asGateError(error).message;
      ctx.log.write(`the unfinished ${journal.command} does not serve (${why}): undoing it`);
    }
  const back = await undoChange(ctx, journal);
  return {
    detail: t('the unfinished {{command}} of {{time}} was undone: {{detail}}', { ...what, detail: back }),
    changed: true,
    restarted: ['rolled-back'],
  };
}

/**
 * `broker.restart` of a config change or an upgrade: the broker made to serve what is now on disk (only
 * restarted for a reason) and proven; when it does not, this run's change is undone from its journal (the
 * previous config or package put back, the broker proven again) and the run fails saying both.
 */
export function restartOrUndoStep(ctx: Context, what: 'config' | 'package'): Step {
  return {
    id: 'broker.restart',
    title: t('Restart and verify'),
    run: async (facts) => {
      // A config change with nothing to change (config edit closed unchanged) leaves the broker be.
      if (what === 'config' && facts.candidate === undefined && facts.restartReasons.length === 0)
        return skipped(t('nothing to change'));
      if (ctx.dryRun) {
        if (facts.restartReasons.length === 0) return skipped(t('nothing changed: the broker was not restarted'));
        const command = ctx.pm2.describe(['restart', PROCESS_NAME]);
        const reasons = describeReasons(facts.restartReasons);
        return skipped(t('dry-run: would run {{command}} ({{reasons}}) and a round trip', { command, reasons }));
      }
      const current = await ctx.pm2.find(PROCESS_NAME);
      const mosquitto = facts.mosquitto ?? (await findMosquitto(ctx.profile));
      try {
        const served = await serveAndVerify(ctx, facts.restartReasons, {
          ...facts,
          ...(mosquitto ? { mosquitto } : {}),
        });
        if (served.restarted.length === 0 && current?.status === 'online')
          return skipped(t('nothing changed: the broker was not restarted'));
        return done(
          t('restarted ({{reasons}}); {{verified}}', {
            reasons: describeReasons(served.restarted),
            verified: served.verified,
          }),
          true,
          { restarted: served.restarted },
        );
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        const journal = await readJournal(ctx);
        if (!journal) throw error;
        let back: string;
        try {
          back = await undoChange(ctx, journal);
        } catch (again) {
          const how = again instanceof Error ? again.message : String(again);
          throw failed(
            what === 'config'
              ? t('the new config did not come up ({{why}}), and going back failed too: {{how}}', { why, how })
              : t('the new broker did not serve ({{why}}), and going back failed too: {{how}}', { why, how }),
            t('run: gate-mqtt doctor, or gate-mqtt reset'),
          );
        }
        throw failed(
          what === 'config'
            ? t('the new config did not come up ({{why}}); {{back}}', { why, back })
            : t('the new broker did not serve ({{why}}); {{back}}', { why, back }),
          what === 'config'
            ? t('check the new config with: gate-mqtt config validate FILE')
            : t('the version that works stays; see why the new one did not: gate-mqtt logs -n 50'),
        );
      }
    },
  };
}
