import { access, lstat } from 'node:fs/promises';
import type { Context } from '../context/context.js';
import { localTime } from '../i18n/format.js';
import { msg, t } from '../i18n/translate.js';
import { asGateError, ExitCode, failed, type GateError } from '../model/errors.js';
import type { Change, FileBefore, Journal } from '../model/journal.js';
import type { PackageState } from '../model/packages.js';
import type { RestartReason } from '../model/steps.js';
import { keptSet } from '../packages/install.js';
import { endChange, fileHash } from './journal.js';
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

/** A failure of going back because the way back itself is gone (its backup, its kept package). */
export type WayBackGone = GateError & { wayBackGone: true };
const wayBackGone = (error: unknown): WayBackGone => Object.assign(asGateError(error), { wayBackGone: true as const });
export const isWayBackGone = (error: unknown): error is WayBackGone =>
  (error as Partial<WayBackGone> | undefined)?.wayBackGone === true;

/** Puts a file back as it was before a change: byte for byte from its backup, with its mode. */
async function putBack(ctx: Context, file: string, before: FileBefore, reason: string): Promise<boolean> {
  const store = ctx.writer.backups;
  const data = await store
    .find(file, before.backup)
    .then((manifest) => store.read(manifest, file))
    .catch((error: unknown) => Promise.reject(wayBackGone(error)));
  // a file the broker reads as its own user (started as root) keeps that owner
  const now = await lstat(file).catch(() => undefined);
  const owner = now && process.getuid?.() === 0 ? { owner: { uid: now.uid, gid: now.gid } } : {};
  return (await ctx.writer.write(file, data, { mode: before.mode, reason, ...owner })).changed;
}

type PackageChange = Extract<Change, { kind: 'package' }>;

/** A package record's kept files installed (again: idempotent), the config kept byte for byte. */
async function installKept(ctx: Context, state: PackageState): Promise<void> {
  const set = await keptSet(state, readKept(ctx)).catch((error: unknown) => Promise.reject(wayBackGone(error)));
  await installKeepingConfig(ctx, set, state.source);
}

/** Whether every kept file of a record is there (an install keeps them all before it places anything). */
const allKept = (state: PackageState) =>
  Promise.all([state.broker, ...state.libraries].map((entry) => access(entry.kept))).then(
    () => true,
    () => false,
  );

/**
 * The package before the change back in place (its kept files installed again: a killed install may have
 * left files of either), the config as it was, the broker proven.
 */
async function undoPackage(ctx: Context, change: PackageChange): Promise<string> {
  if (!change.from)
    throw wayBackGone(
      failed(
        t('no kept package of the previous version: nothing to go back to'),
        t('install a version that works from package files: gate-mqtt upgrade --packages DIR --to VERSION'),
      ),
    );
  await installKept(ctx, change.from);
  const file = ctx.profile.paths.configFile;
  if (change.config && (await fileHash(file)) !== change.config.sha256)
    await putBack(ctx, file, change.config, 'upgrade-rolled-back');
  await serveAndVerify(ctx); // the binary put back is newer than the broker: it restarts for that
  await endChange(ctx);
  return t('mosquitto {{version}} was put back and the broker answers', { version: change.from.broker.version });
}

type FilesChange = Extract<Change, { kind: 'files' }>;

/** Each file as it was (one that was not there removed again), the broker restarted when one changed. */
async function undoFiles(ctx: Context, change: FilesChange): Promise<string> {
  let changed = false;
  for (const { file, from } of change.files) {
    if (from && (await fileHash(file)) !== from.sha256)
      changed = (await putBack(ctx, file, from, `${change.reason}-rejected`)) || changed;
    if (!from) changed = (await ctx.writer.remove(file, { reason: `${change.reason}-rejected` })) || changed;
  }
  await serveAndVerify(ctx, changed ? ['rolled-back'] : []);
  await endChange(ctx);
  return changed
    ? t('the previous password and ACL files were put back and the broker answers')
    : t('the password and ACL files still were the previous ones, and the broker answers');
}

/** Undoes this run's (or a killed run's) change and proves the broker serves; says what it did. */
export async function undoChange(ctx: Context, journal: Journal): Promise<string> {
  const { change } = journal;
  if (change.kind === 'package') return undoPackage(ctx, change);
  if (change.kind === 'files') return undoFiles(ctx, change);
  if (change.kind === 'config' && change.undo && change.from) {
    const changed = await putBack(ctx, change.file, change.from, `${change.reason}-rejected`);
    await serveAndVerify(ctx, changed ? ['rolled-back'] : []);
    await endChange(ctx);
    return changed
      ? t('the previous config was put back and the broker answers')
      : t('the config on disk still was the previous one, and the broker answers');
  }
  if (change.kind === 'config' && change.undo)
    throw wayBackGone(
      failed(
        t('the new config did not come up and there was no previous config to put back'),
        t('run: gate-mqtt reset'),
      ),
    );
  throw failed(
    t('{{command}} cannot be undone', { command: journal.command }),
    t('run gate-mqtt {{command}} again to complete it', { command: journal.command }),
  );
}

/** Whether what the change was going to put in place is there now (a package: installed again from its files). */
async function arrived(ctx: Context, change: Exclude<Change, { kind: 'uninstall' }>): Promise<boolean> {
  if (change.kind === 'config') return (await fileHash(change.file)) === change.to;
  if (change.kind === 'files') {
    for (const { file, to } of change.files) if ((await fileHash(file)) !== to) return false;
    return true;
  }
  try {
    await installKept(ctx, change.toState);
    return true;
  } catch (error) {
    if (asGateError(error).exitCode === ExitCode.internal) throw error;
    ctx.log.write(`the package ${change.to} cannot be installed again: ${asGateError(error).message}`);
    return false;
  }
}

export interface FinishOptions {
  /** Ctrl-C or SIGTERM: nothing destructive is begun (an uninstall's purge is left for a run asked to). */
  stopping?: boolean;
}

/**
 * Completes an unfinished change when what it put in place serves, undoes it when it does not (or when
 * it never got there); an uninstall is completed. Throws when neither can be done (a way back that is
 * gone says so: isWayBackGone), a bug as a bug.
 */
export async function finishChange(ctx: Context, journal: Journal, options: FinishOptions = {}): Promise<Finished> {
  const { change } = journal;
  const what = { command: journal.command, time: localTime(new Date(journal.started)) };
  const result = (key: string, detail: string, restarted: RestartReason[], changed = true): Finished => ({
    detail: t(key, { ...what, detail }),
    changed,
    restarted,
  });
  if (change.kind === 'uninstall') {
    const purge = change.purge && !options.stopping;
    const detail = await completeUninstall(ctx, purge);
    await endChange(ctx);
    const left = change.purge && !purge ? ` ${t('(the config and data were kept: --purge again removes them)')}` : '';
    return result(msg('the unfinished {{command}} of {{time}} was completed: {{detail}}'), `${detail}${left}`, []);
  }
  // A package install that never got to place anything (its files are kept first) changed nothing.
  if (change.kind === 'package' && !(await allKept(change.toState)) && change.fromVersion !== undefined) {
    const served = await serveAndVerify(ctx);
    await endChange(ctx);
    const key = msg('the unfinished {{command}} of {{time}} had not changed anything yet: {{detail}}');
    return result(key, served.detail, served.restarted, served.restarted.length > 0);
  }
  const there = await arrived(ctx, change);
  if (change.kind === 'config' && !there && (await fileHash(change.file)) !== (change.from?.sha256 ?? null)) {
    // Neither the config before nor the new one: edited by hand since. That is the user's, and stays.
    await endChange(ctx);
    return result(
      msg('the unfinished {{command}} of {{time}} is left: the config was changed since by hand'),
      '',
      [],
      false,
    );
  }
  const mayUndo = change.kind !== 'config' || (change.undo && change.from !== null);
  if (!there && !mayUndo) {
    // A reset that had not written its config: what is on disk is served; the reset runs again when asked.
    const served = await serveAndVerify(ctx);
    await endChange(ctx);
    const key = msg('the unfinished {{command}} of {{time}} had not changed the config yet: {{detail}}');
    return result(key, served.detail, served.restarted, served.restarted.length > 0);
  }
  if (there)
    try {
      const served = await serveAndVerify(ctx);
      await endChange(ctx);
      const key =
        change.kind === 'config' && !change.undo
          ? msg(
              'the config of the unfinished {{command}} of {{time}} is in place and serves (run it again for the rest): {{detail}}',
            )
          : msg('the unfinished {{command}} of {{time}} was completed: {{detail}}');
      return result(key, served.detail, served.restarted, served.restarted.length > 0);
    } catch (error) {
      if (!mayUndo || asGateError(error).exitCode === ExitCode.internal) throw error;
      ctx.log.write(`the unfinished ${journal.command} does not serve (${asGateError(error).message}): undoing it`);
    }
  const back = await undoChange(ctx, journal);
  return result(msg('the unfinished {{command}} of {{time}} was undone: {{detail}}'), back, ['rolled-back']);
}

/** The backup that holds what was there before a change, for a person to restore by hand. */
export function backupOfChange(change: Change): string | undefined {
  if (change.kind === 'config') return change.from?.backup || undefined;
  if (change.kind === 'package') return change.config?.backup || undefined;
  if (change.kind === 'files') return change.files.find((f) => f.from?.backup)?.from?.backup;
  return undefined;
}
