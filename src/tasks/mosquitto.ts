import { existsSync } from 'node:fs';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { unsupported } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { findMosquitto, MOSQUITTO_FLOOR, mosquittoVersion } from '../mosquitto/binary.js';
import { knownVersion } from '../mosquitto/version-cache.js';
import { atLeast } from '../run/versions.js';
import {
  chooseSet,
  installKeepingConfig,
  keepConfig,
  packageConfigSetAside,
  setAsidePackageConfig,
  withConfigKept,
} from './packages.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Installs the broker with the profile's package manager. The gateway's package declares no conffiles,
 * so an upgrade may replace mosquitto.conf silently: the file is kept in memory and put back if the
 * package touched it (the package's version is kept as a backup).
 */
async function installBroker(ctx: Context): Promise<string> {
  const packages = ctx.profile.packages;
  if (packages.unavailable) throw unsupported(packages.unavailable.message, packages.unavailable.hint);
  if (packages.installMode === 'prefix') {
    if (ctx.dryRun) return packages.name; // a dry run fetches nothing
    try {
      return await installKeepingConfig(ctx, await chooseSet(ctx, undefined), packages.name);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw unsupported(
        t('mosquitto is not installed and could not be fetched into the sandbox: {{why}}', { why }),
        t('without network: gate-mqtt provision --packages DIR; or install it here: sudo apt-get install mosquitto'),
      );
    }
  }
  const env = { ...ctx.profile.env, ...packages.env };
  const install = async () => {
    for (const command of packages.installCommands(packages.brokerPackages)) {
      try {
        await ctx.runner.check(command, { env, timeoutMs: INSTALL_TIMEOUT_MS, mutates: true });
      } catch (error) {
        // No package, no network, a broken package manager: there is no way to get the broker (exit 4).
        const why = error instanceof Error ? error.message : String(error);
        throw unsupported(
          t('could not install mosquitto: {{why}}', { why }),
          t('check the network and the package sources, then: pkg install mosquitto'),
        );
      }
    }
  };
  const installed = t('installed with {{manager}}', { manager: packages.name });
  return withConfigKept(ctx, install, async (before) => {
    if (ctx.dryRun) return installed;
    if (!before) return (await setAsidePackageConfig(ctx)) ? packageConfigSetAside(installed) : installed;
    if (!(await keepConfig(ctx, before))) return installed;
    return t('installed with {{manager}} (the package replaced mosquitto.conf; the previous file was put back)', {
      manager: packages.name,
    });
  });
}

export function mosquittoInstallStep(ctx: Context): Step {
  return {
    id: 'mosquitto.install',
    title: t('mosquitto installed'),
    run: async () => {
      const found = await findMosquitto(ctx.profile);
      if (found) return done(t('found {{binary}}', { binary: found }), false, { learned: { mosquitto: found } });
      const how = await installBroker(ctx);
      if (ctx.dryRun) {
        return done(
          t('dry-run: would install mosquitto with {{manager}}', { manager: ctx.profile.packages.name }),
          true,
          {
            learned: { mosquitto: ctx.profile.mosquittoCandidates[0] },
          },
        );
      }
      const installed = await findMosquitto(ctx.profile);
      if (!installed) {
        // "A or B or C": the word between the places a broker was looked for.
        const where = ctx.profile.mosquittoCandidates.join(` ${t('or')} `);
        throw unsupported(
          t('mosquitto was installed but is not at {{where}}', { where }),
          t('install it by hand and run again'),
        );
      }
      return done(`${how}: ${installed}`, true, { learned: { mosquitto: installed }, needsRestart: 'binary-changed' });
    },
  };
}

export function mosquittoVersionStep(ctx: Context): Step {
  return {
    id: 'mosquitto.version',
    title: t('mosquitto version'),
    run: async (facts) => {
      const binary = facts.mosquitto;
      if (!binary || !existsSync(binary)) return skipped(t('dry-run: not installed yet'));
      const cacheFile = ctx.profile.paths.versionCache;
      const known = await knownVersion((b) => mosquittoVersion(ctx.runner, b), binary, cacheFile);
      // A cache of ours: rebuilt when lost, so it is never backed up; a dry run does not write it.
      if (known.updatedCache && !ctx.dryRun) {
        await ctx.writer.write(cacheFile, known.updatedCache, { mode: 0o644, reason: 'cache', backup: 'none' });
      }
      const version = known.version;
      if (!version) {
        throw unsupported(
          t('cannot read the version of {{binary}} (mosquitto -h)', { binary }),
          t('reinstall mosquitto'),
        );
      }
      if (!atLeast(version, MOSQUITTO_FLOOR)) {
        throw unsupported(
          t('mosquitto {{version}} is older than {{floor}}', { version, floor: MOSQUITTO_FLOOR }),
          t('upgrade it: pkg upgrade mosquitto'),
        );
      }
      return done(t('{{version}} (floor {{floor}})', { version, floor: MOSQUITTO_FLOOR }), false, {
        learned: { mosquittoVersion: version },
      });
    },
  };
}
