import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context/context.js';
import { openToRead } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { done, type Step } from '../model/steps.js';
import { type PackageSet, packagesIn, readDeb } from '../packages/deb.js';
import { downloadBroker } from '../packages/download.js';
import { installPackages, type PackageState, readPackageState } from '../packages/install.js';

/** This machine's architecture as dpkg names it (amd64, arm64, aarch64 on Termux). */
export async function dpkgArch(ctx: Context): Promise<string> {
  const result = await ctx.runner.check([ctx.profile.packages.dpkg.dpkg, ['--print-architecture']], {
    timeoutMs: 30_000,
  });
  return result.stdout.trim();
}

/** The broker package's version installed now: our record (sandbox), dpkg's database (device). */
export async function installedVersion(ctx: Context, state: PackageState | undefined): Promise<string | undefined> {
  if (ctx.profile.packages.installMode === 'prefix')
    return state && existsSync(path.join(ctx.profile.paths.bin, 'mosquitto')) ? state.broker.version : undefined;
  const dpkgQuery = path.join(path.dirname(ctx.profile.packages.dpkg.dpkg), 'dpkg-query');
  // Only a package dpkg calls installed (not one left unpacked by a failed install, nor removed: rc).
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template
  const format = '-f=${Status}|${Version}';
  const result = await ctx.runner.run([dpkgQuery, ['-W', format, 'mosquitto']], { timeoutMs: 30_000 });
  const [status, version] = result.stdout.trim().split('|');
  return result.exitCode === 0 && status === 'install ok installed' && version ? version : undefined;
}

/** The checked package set from a folder, or from a download when no folder is given. */
export async function chooseSet(ctx: Context, dir: string | undefined, version?: string): Promise<PackageSet> {
  const from = dir ?? (await downloadBroker(ctx, version));
  const arch = await dpkgArch(ctx);
  return packagesIn(ctx.runner, ctx.profile.packages.dpkg, from, {
    arch,
    version,
    devicePrefix: ctx.profile.devicePrefix,
  });
}

/**
 * Installs a package set and keeps the config as it was: the gateway's package declares no conffiles,
 * so an install may replace or remove mosquitto.conf; it is put back byte for byte.
 */
export async function installKeepingConfig(ctx: Context, set: PackageSet, source: string): Promise<string> {
  return withConfigKept(
    ctx,
    () => installPackages(ctx, set, source),
    (before) => putBack(ctx, set, source, before),
  );
}

/**
 * Runs a package install with the config kept: written aside first (with its own mode: a run killed
 * between the install and the put-back leaves the true config there, for the next run of any command),
 * put back byte for byte after the install, or after a failed one (a postinst, a missing library must
 * not leave the package's config in place). The copy goes only once the config is back.
 */
export async function withConfigKept<R>(
  ctx: Context,
  install: () => Promise<unknown>,
  after: (before: { data: Buffer; mode: number } | undefined) => Promise<R>,
): Promise<R> {
  await recoverConfig(ctx);
  const before = await fileWithMode(ctx.profile.paths.configFile);
  if (before)
    await ctx.writer.write(guardFile(ctx), before.data, { mode: before.mode, reason: 'package-guard', backup: 'none' });
  let result: R;
  try {
    await install();
    result = await after(before);
  } catch (error) {
    if (!ctx.dryRun) await keepConfig(ctx, before);
    await ctx.writer.remove(guardFile(ctx), { reason: 'package-guard', backup: 'none' });
    throw error;
  }
  await ctx.writer.remove(guardFile(ctx), { reason: 'package-guard', backup: 'none' });
  return result;
}

/** The config kept aside while a package installs (see installKeepingConfig). */
const guardFile = (ctx: Context) => path.join(ctx.profile.paths.stateDir, 'config-during-install.conf');

/** A device file's bytes and permission bits; undefined when there is none (never through a link). */
export async function fileWithMode(file: string): Promise<{ data: Buffer; mode: number } | undefined> {
  const handle = await openToRead(file);
  if (!handle) return undefined;
  try {
    const [data, info] = await Promise.all([handle.readFile(), handle.stat()]);
    return { data, mode: info.mode & 0o7777 };
  } finally {
    await handle.close();
  }
}

/** The config as it was before a package touched it, byte for byte and with its mode; true when it changed. */
export async function keepConfig(ctx: Context, before: { data: Buffer; mode: number } | undefined): Promise<boolean> {
  if (!before) return false;
  const file = ctx.profile.paths.configFile;
  return (await ctx.writer.write(file, before.data, { mode: before.mode, reason: 'package-replaced-config' })).changed;
}

/**
 * A run killed while a package was installing may have left the package's mosquitto.conf in place of
 * the gateway's: the kept copy goes back before anything else. True when it did.
 */
export async function recoverConfig(ctx: Context): Promise<boolean> {
  const kept = await fileWithMode(guardFile(ctx));
  if (!kept) return false;
  const changed = await keepConfig(ctx, kept);
  await ctx.writer.remove(guardFile(ctx), { reason: 'package-guard', backup: 'none' });
  return changed;
}

async function putBack(
  ctx: Context,
  set: PackageSet,
  source: string,
  before: { data: Buffer; mode: number } | undefined,
): Promise<string> {
  const installed = t('installed mosquitto {{version}} from {{source}}', { version: set.broker.version, source });
  if (ctx.dryRun) return installed;
  if (!before) return (await setAsidePackageConfig(ctx)) ? packageConfigSetAside(installed) : installed;
  if (!(await keepConfig(ctx, before))) return installed;
  return t('installed mosquitto {{version}} from {{source}} (the package replaced mosquitto.conf; it was put back)', {
    version: set.broker.version,
    source,
  });
}

/** "…; the package's own mosquitto.conf was set aside" (one sentence for both installers). */
export const packageConfigSetAside = (installed: string) =>
  t("{{installed}}; the package's own mosquitto.conf was set aside (backed up) for the factory config", {
    installed,
  });

/**
 * A first install puts the package's own mosquitto.conf (Debian's, Termux's) where none was: it is not
 * the gateway's and not the user's, so it is backed up and removed; provision then writes the factory
 * config. True when there was one.
 */
export async function setAsidePackageConfig(ctx: Context): Promise<boolean> {
  return ctx.writer.remove(ctx.profile.paths.configFile, { reason: 'package-default-config' });
}

/** The broker binary a package install put in place. */
export async function brokerAfterInstall(ctx: Context): Promise<string> {
  const { findMosquitto } = await import('../mosquitto/binary.js');
  const found = await findMosquitto(ctx.profile);
  if (!found && !ctx.dryRun)
    throw failed(
      t('the package was installed but no mosquitto is in {{bin}}', { bin: ctx.profile.paths.bin }),
      t('install it again: pkg reinstall mosquitto, then gate-mqtt provision'),
    );
  return found ?? path.join(ctx.profile.paths.bin, 'mosquitto');
}

/** `provision --packages DIR`: mosquitto from package files, offline; nothing when that version is in place. */
export function packageInstallStep(ctx: Context, dir: string): Step {
  return {
    id: 'mosquitto.install',
    title: t('mosquitto installed'),
    run: async () => {
      await recoverConfig(ctx);
      const set = await chooseSet(ctx, dir);
      const current = await installedVersion(ctx, await readPackageState(ctx));
      const offered = set.broker.version;
      const { newerThan } = await import('../packages/deb.js');
      // Never an older build: a boot script with old files would otherwise go back at every boot.
      if (
        current &&
        current !== offered &&
        (await newerThan(ctx.runner, ctx.profile.packages.dpkg, current, offered))
      ) {
        const binary = await brokerAfterInstall(ctx);
        return done(
          t('mosquitto {{version}} is installed, newer than {{offered}} in {{dir}}: kept as it is', {
            version: current,
            offered,
            dir,
          }),
          false,
          {
            learned: { mosquitto: binary },
            warning: t('to go back to {{offered}} on purpose: gate-mqtt upgrade --packages {{dir}} --to {{offered}}', {
              offered,
              dir,
            }),
          },
        );
      }
      if (current === offered) {
        const binary = await brokerAfterInstall(ctx);
        return done(t('mosquitto {{version}} in place ({{binary}})', { version: current, binary }), false, {
          learned: { mosquitto: binary },
        });
      }
      const detail = await installKeepingConfig(ctx, set, dir);
      return done(detail, true, {
        learned: { mosquitto: await brokerAfterInstall(ctx) },
        needsRestart: 'binary-changed',
      });
    },
  };
}

/** Reads a kept package file again (the way back of an upgrade). */
export const readKept = (ctx: Context) => (file: string) => readDeb(ctx.runner, ctx.profile.packages.dpkg, file);
