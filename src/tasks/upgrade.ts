import { stat } from 'node:fs/promises';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { filesBelow } from '../fsx/backups.js';
import { readText } from '../fsx/writer.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { describeReasons, done, type RunFacts, type Step, skipped, type UpgradeFacts } from '../model/steps.js';
import { MOSQUITTO_FLOOR, mosquittoVersion } from '../mosquitto/binary.js';
import { localTarget } from '../network/listener-target.js';
import { keptSet, readPackageState } from '../packages/install.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { atLeast } from '../run/versions.js';
import { brokerProcessStep } from './broker-process.js';
import {
  brokerAfterInstall,
  chooseSet,
  installedVersion,
  installKeepingConfig,
  readKept,
  recoverConfig,
} from './packages.js';
import { verifyBroker } from './verify.js';

export interface UpgradeOptions {
  /** A folder of package files; without one, the package is downloaded (apt-get download). */
  packagesDir?: string;
  /** The broker package version to go to (the newest in the folder, or the candidate, otherwise). */
  to?: string;
}

export function upgradeInstallStep(ctx: Context, options: UpgradeOptions): Step {
  return {
    id: 'package.install',
    title: t('Broker package'),
    run: async () => {
      await recoverConfig(ctx); // a killed run may have left the package's config in place
      const previous = await readPackageState(ctx);
      const from = await installedVersion(ctx, previous);
      const found = { from, ...(previous ? { previous } : {}), installed: false };
      if (ctx.dryRun && !options.packagesDir)
        return skipped(
          t('dry-run: would download mosquitto {{version}} and install it', { version: options.to ?? '' }),
        );
      const set = await chooseSet(ctx, options.packagesDir, options.to);
      const to = set.broker.version;
      const { newerThan } = await import('../packages/deb.js');
      if (from && from !== to && !options.to && !(await newerThan(ctx.runner, ctx.profile.packages.dpkg, to, from)))
        return done(
          t('mosquitto {{version}} is newer than {{offered}}: nothing to do (--to goes back on purpose)', {
            version: from,
            offered: to,
          }),
          false,
          { learned: { mosquitto: await brokerAfterInstall(ctx), upgrade: { ...found, to } } },
        );
      if (from === to)
        return done(t('mosquitto {{version}} is installed already', { version: to }), false, {
          learned: { mosquitto: await brokerAfterInstall(ctx), upgrade: { ...found, to } },
        });
      // The config folder is backed up first, and the current package is kept (it is the way back).
      const configDir = ctx.profile.paths.etcMosquitto;
      const files = await filesBelow(configDir).catch(() => [] as string[]);
      if (files.length) await ctx.writer.backup('upgrade', files);
      const config = await readText(ctx.profile.paths.configFile);
      const source = options.packagesDir ?? t('the package sources (apt-get download)');
      const detail = await installKeepingConfig(ctx, set, source);
      const upgrade: UpgradeFacts = { ...found, to, installed: true, ...(config === undefined ? {} : { config }) };
      return done(from ? t('{{from}} -> {{detail}}', { from, detail }) : detail, true, {
        needsRestart: 'binary-changed',
        learned: { mosquitto: await brokerAfterInstall(ctx), upgrade },
      });
    },
  };
}

/** The previous package and config back, the broker restarted and proven; or a failure naming both. */
async function rollBack(ctx: Context, facts: Readonly<RunFacts>): Promise<string> {
  const previous = facts.upgrade?.previous;
  if (!previous) return t('no kept package of the previous version: nothing to go back to');
  await installKeepingConfig(ctx, await keptSet(previous, readKept(ctx)), previous.source);
  const config = facts.upgrade?.config;
  if (config !== undefined && (await readText(ctx.profile.paths.configFile)) !== config)
    await ctx.writer.write(ctx.profile.paths.configFile, config, { mode: 0o600, reason: 'upgrade-rolled-back' });
  const mosquitto = await brokerAfterInstall(ctx);
  await brokerProcessStep(ctx).run({ ...facts, mosquitto, restartReasons: ['binary-changed'] });
  await verifyBroker(ctx, { ...facts, brokerStarted: true });
  return t('mosquitto {{version}} was put back and the broker answers', { version: previous.broker.version });
}

/** True when pm2's broker started before its binary was last replaced (it still runs the old build). */
async function runsOlderBinary(ctx: Context): Promise<boolean> {
  const current = await ctx.pm2.find(PROCESS_NAME);
  if (!current?.uptimeSince || !current.execPath) return false;
  const info = await stat(current.execPath).catch(() => undefined);
  // dpkg keeps the archive's mtime; the inode change time says when the file was put in place.
  return info !== undefined && Math.max(info.mtimeMs, info.ctimeMs) > current.uptimeSince;
}

/** The new broker must at least answer `mosquitto -h` with a version at or above the floor. */
async function provenBinary(ctx: Context): Promise<void> {
  const binary = await brokerAfterInstall(ctx);
  const version = await mosquittoVersion(ctx.runner, binary);
  if (!version || !atLeast(version, MOSQUITTO_FLOOR))
    throw failed(
      version
        ? t('mosquitto {{version}} is older than {{floor}}', { version, floor: MOSQUITTO_FLOOR })
        : t('cannot read the version of {{binary}} (mosquitto -h)', { binary }),
    );
}

export function upgradeServeStep(ctx: Context): Step {
  return {
    id: 'broker.restart',
    title: t('Restart and verify'),
    run: async (facts) => {
      const installed = facts.upgrade?.installed === true;
      // A run killed after the install leaves the old broker running the new binary's predecessor.
      if (!installed && !(await runsOlderBinary(ctx)))
        return skipped(t('nothing changed: the broker was not restarted'));
      if (ctx.dryRun) return skipped(t('dry-run: would restart the broker and verify it'));
      const config = await readConfigFile(ctx.profile.paths.configFile);
      const target = config.ok ? localTarget(config.config.model, facts.target.port) : facts.target;
      const checked = { ...facts, target, brokerStarted: true };
      try {
        await provenBinary(ctx);
        // The definition is written again: in a sandbox the broker may move from the host's binary to the prefix's.
        const pending = installed ? facts.restartReasons : ['binary-changed' as const];
        const started = await brokerProcessStep(ctx).run({ ...facts, restartReasons: pending });
        const reasons = started.restarted ?? pending;
        const verified = await verifyBroker(ctx, checked);
        return done(t('restarted ({{reasons}}); {{verified}}', { reasons: describeReasons(reasons), verified }), true, {
          restarted: reasons,
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        let back: string;
        try {
          // A run that only finished a killed one installed nothing: there is nothing of its own to undo.
          back = installed ? await rollBack(ctx, checked) : t('nothing was installed by this run to go back from');
        } catch (again) {
          back = t('going back failed too: {{why}}', { why: again instanceof Error ? again.message : String(again) });
        }
        throw failed(
          t('mosquitto {{version}} did not serve ({{why}}); {{back}}', {
            version: facts.upgrade?.to ?? '?',
            why,
            back,
          }),
          t('keep the version that works; see gate-mqtt logs -n 50'),
        );
      }
    },
  };
}
