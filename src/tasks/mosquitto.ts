import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import { unsupported } from '../errors.js';
import { readText } from '../fsx/writer.js';
import { findMosquitto, MOSQUITTO_FLOOR, mosquittoVersion } from '../mosquitto/binary.js';
import { knownVersion } from '../mosquitto/version-cache.js';
import { atLeast } from '../run/versions.js';
import { done, type Step, skipped } from './step.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Installs the broker with the profile's package manager. The gateway's package declares no conffiles,
 * so an upgrade may replace mosquitto.conf silently: the file is kept in memory and put back if the
 * package touched it (the package's version is kept as a backup).
 */
async function installBroker(ctx: Context): Promise<string> {
  const packages = ctx.profile.packages;
  if (packages.unavailable) throw unsupported(packages.unavailable.message, packages.unavailable.hint);
  const configFile = ctx.profile.paths.configFile;
  const before = await readText(configFile);
  const env = { ...ctx.profile.env, ...packages.env };
  for (const command of packages.installCommands(packages.brokerPackages)) {
    try {
      await ctx.runner.check(command, { env, timeoutMs: INSTALL_TIMEOUT_MS, mutates: true });
    } catch (error) {
      // No package, no network, a broken package manager: there is no way to get the broker (exit 4).
      const why = error instanceof Error ? error.message : String(error);
      throw unsupported(
        `could not install mosquitto: ${why}`,
        'check the network and the package sources, then: pkg install mosquitto',
      );
    }
  }
  if (ctx.dryRun || before === undefined || (await readText(configFile)) === before)
    return `installed with ${packages.name}`;
  await ctx.writer.write(configFile, before, { mode: 0o600, reason: 'package-replaced-config' });
  return `installed with ${packages.name} (the package replaced mosquitto.conf; the previous file was put back)`;
}

export function mosquittoInstallStep(ctx: Context): Step {
  return {
    id: 'mosquitto.install',
    title: 'mosquitto installed',
    run: async () => {
      const found = await findMosquitto(ctx.profile);
      if (found) return done(`found ${found}`, false, { learned: { mosquitto: found } });
      const how = await installBroker(ctx);
      if (ctx.dryRun) {
        return done(`dry-run: would install mosquitto with ${ctx.profile.packages.name}`, true, {
          learned: { mosquitto: ctx.profile.mosquittoCandidates[0] },
        });
      }
      const installed = await findMosquitto(ctx.profile);
      if (!installed) {
        const where = ctx.profile.mosquittoCandidates.join(' or ');
        throw unsupported(`mosquitto was installed but is not at ${where}`, 'install it by hand and run again');
      }
      return done(`${how}: ${installed}`, true, { learned: { mosquitto: installed }, needsRestart: 'binary-changed' });
    },
  };
}

export function mosquittoVersionStep(ctx: Context): Step {
  return {
    id: 'mosquitto.version',
    title: 'mosquitto version',
    run: async (facts) => {
      const binary = facts.mosquitto;
      if (!binary || !existsSync(binary)) return skipped('dry-run: not installed yet');
      const cacheFile = ctx.profile.paths.versionCache;
      const known = await knownVersion((b) => mosquittoVersion(ctx.runner, b), binary, cacheFile);
      // A cache of ours: rebuilt when lost, so it is never backed up; a dry run does not write it.
      if (known.updatedCache && !ctx.dryRun) {
        await ctx.writer.write(cacheFile, known.updatedCache, { mode: 0o644, reason: 'cache', backup: 'none' });
      }
      const version = known.version;
      if (!version) throw unsupported(`cannot read the version of ${binary} (mosquitto -h)`, 'reinstall mosquitto');
      if (!atLeast(version, MOSQUITTO_FLOOR)) {
        throw unsupported(`mosquitto ${version} is older than ${MOSQUITTO_FLOOR}`, 'upgrade it: pkg upgrade mosquitto');
      }
      return done(`${version} (floor ${MOSQUITTO_FLOOR})`, false, { learned: { mosquittoVersion: version } });
    },
  };
}
