import { stat } from 'node:fs/promises';
import { localTarget } from '../config/listener-target.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context.js';
import { failed } from '../errors.js';
import { filesBelow } from '../fsx/backups.js';
import { readText } from '../fsx/writer.js';
import { t } from '../i18n/translate.js';
import { MOSQUITTO_FLOOR, mosquittoVersion } from '../mosquitto/binary.js';
import type { PackageSet } from '../packages/deb.js';
import { keptSet, type PackageState, readPackageState } from '../packages/install.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { atLeast } from '../run/versions.js';
import type { CommandResult } from '../ui/result.js';
import { brokerProcessStep } from './broker-process.js';
import { logKeeperStep } from './log-keeper.js';
import {
  brokerAfterInstall,
  chooseSet,
  installedVersion,
  installKeepingConfig,
  readKept,
  recoverConfig,
} from './packages.js';
import { runPipeline } from './pipeline.js';
import { saveStep } from './pm2.js';
import { describeReasons, done, initialFacts, type RunFacts, type Step, skipped } from './step.js';
import { verifyBroker } from './verify.js';

export interface UpgradeOptions {
  /** A folder of package files; without one, the package is downloaded (apt-get download). */
  packagesDir?: string;
  /** The broker package version to go to (the newest in the folder, or the candidate, otherwise). */
  to?: string;
}

/** What this run found and did, shared by its steps (the way back needs all of it). */
interface UpgradeRun {
  from?: string;
  previous?: PackageState;
  config?: string;
  set?: PackageSet;
  installed: boolean;
}

function installStep(ctx: Context, options: UpgradeOptions, run: UpgradeRun): Step {
  return {
    id: 'package.install',
    title: t('Broker package'),
    run: async () => {
      await recoverConfig(ctx); // a killed run may have left the package's config in place
      run.previous = await readPackageState(ctx);
      run.from = await installedVersion(ctx, run.previous);
      if (ctx.dryRun && !options.packagesDir)
        return skipped(
          t('dry-run: would download mosquitto {{version}} and install it', { version: options.to ?? '' }),
        );
      run.set = await chooseSet(ctx, options.packagesDir, options.to);
      const to = run.set.broker.version;
      const { newerThan } = await import('../packages/deb.js');
      if (
        run.from &&
        run.from !== to &&
        !options.to &&
        !(await newerThan(ctx.runner, ctx.profile.packages.dpkg, to, run.from))
      )
        return done(
          t('mosquitto {{version}} is newer than {{offered}}: nothing to do (--to goes back on purpose)', {
            version: run.from,
            offered: to,
          }),
          false,
          {
            learned: { mosquitto: await brokerAfterInstall(ctx) },
          },
        );
      if (run.from === to)
        return done(t('mosquitto {{version}} is installed already', { version: to }), false, {
          learned: { mosquitto: await brokerAfterInstall(ctx) },
        });
      // The config folder is backed up first, and the current package is kept (it is the way back).
      const configDir = ctx.profile.paths.etcMosquitto;
      const files = await filesBelow(configDir).catch(() => [] as string[]);
      if (files.length) await ctx.writer.backup('upgrade', files);
      run.config = await readText(ctx.profile.paths.configFile);
      const source = options.packagesDir ?? t('the package sources (apt-get download)');
      const detail = await installKeepingConfig(ctx, run.set, source);
      run.installed = true;
      return done(run.from ? t('{{from}} -> {{detail}}', { from: run.from, detail }) : detail, true, {
        needsRestart: 'binary-changed',
        learned: { mosquitto: await brokerAfterInstall(ctx) },
      });
    },
  };
}

/** The previous package and config back, the broker restarted and proven; or a failure naming both. */
async function rollBack(ctx: Context, run: UpgradeRun, facts: Readonly<RunFacts>): Promise<string> {
  if (!run.previous) return t('no kept package of the previous version: nothing to go back to');
  const previous = await keptSet(run.previous, readKept(ctx));
  await installKeepingConfig(ctx, previous, run.previous.source);
  if (run.config !== undefined && (await readText(ctx.profile.paths.configFile)) !== run.config)
    await ctx.writer.write(ctx.profile.paths.configFile, run.config, { mode: 0o600, reason: 'upgrade-rolled-back' });
  const mosquitto = await brokerAfterInstall(ctx);
  await brokerProcessStep(ctx).run({ ...facts, mosquitto, restartReasons: ['binary-changed'] });
  await verifyBroker(ctx, { ...facts, brokerStarted: true });
  return t('mosquitto {{version}} was put back and the broker answers', { version: run.previous.broker.version });
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

function serveStep(ctx: Context, run: UpgradeRun): Step {
  return {
    id: 'broker.restart',
    title: t('Restart and verify'),
    run: async (facts) => {
      // A run killed after the install leaves the old broker running the new binary's predecessor.
      if (!run.installed && !(await runsOlderBinary(ctx)))
        return skipped(t('nothing changed: the broker was not restarted'));
      if (ctx.dryRun) return skipped(t('dry-run: would restart the broker and verify it'));
      const config = await readConfigFile(ctx.profile.paths.configFile);
      const target = config.ok ? localTarget(config.config.model, facts.target.port) : facts.target;
      const checked = { ...facts, target, brokerStarted: true };
      try {
        await provenBinary(ctx);
        // The definition is written again: in a sandbox the broker may move from the host's binary to the prefix's.
        const pending = run.installed ? facts.restartReasons : ['binary-changed' as const];
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
          back = run.installed
            ? await rollBack(ctx, run, checked)
            : t('nothing was installed by this run to go back from');
        } catch (again) {
          back = t('going back failed too: {{why}}', { why: again instanceof Error ? again.message : String(again) });
        }
        throw failed(
          t('mosquitto {{version}} did not serve ({{why}}); {{back}}', {
            version: run.set?.broker.version ?? '?',
            why,
            back,
          }),
          t('keep the version that works; see gate-mqtt logs -n 50'),
        );
      }
    },
  };
}

/**
 * `upgrade`: back up the config folder, keep the current package, install the new one (the config put
 * back if the package replaced it), restart for "binary changed", verify; when the new broker does not
 * serve, the kept package and the config go back and the broker is verified again.
 */
export function runUpgrade(ctx: Context, options: UpgradeOptions): Promise<CommandResult> {
  const run: UpgradeRun = { installed: false };
  const steps = [installStep(ctx, options, run), serveStep(ctx, run), logKeeperStep(ctx), saveStep(ctx)];
  return runPipeline(ctx, 'upgrade', steps, initialFacts(1883));
}
