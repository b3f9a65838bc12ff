import type { Context } from '../context/context.js';
import { filesBelow } from '../fsx/backups.js';
import { t } from '../i18n/translate.js';
import { asGateError, ExitCode, failed } from '../model/errors.js';
import { done, type Step } from '../model/steps.js';
import { readPackageState, recordOf } from '../packages/install.js';
import { undoChange } from './finish.js';
import { beginChange, fileBefore, readJournal } from './journal.js';
import { brokerAfterInstall, chooseSet, installedVersion, installKeepingConfig, recoverConfig } from './packages.js';

export interface UpgradeOptions {
  /** A folder of package files; without one, the package is downloaded (apt-get download). */
  packagesDir?: string;
  /** The broker package version to go to (the newest in the folder, or the candidate, otherwise). */
  to?: string;
}

/**
 * `upgrade`'s package step: the version asked for (the newest offered otherwise, never an older one
 * without --to) installed with the config kept byte for byte. Before the first change, the config folder
 * is backed up and the journal names the way back (the package record before, with its kept files).
 */
export function upgradeInstallStep(ctx: Context, options: UpgradeOptions): Step {
  return {
    id: 'package.install',
    title: t('Broker package'),
    run: async () => {
      await recoverConfig(ctx); // a killed run may have left the package's config in place
      const previous = await readPackageState(ctx);
      const from = await installedVersion(ctx, previous);
      // Without package files a dry run cannot know the offered version: it says what the run would try.
      if (ctx.dryRun && !options.packagesDir) {
        ctx.plan.add(
          options.to
            ? t('download and install mosquitto {{version}}', { version: options.to })
            : t('download and install the newest mosquitto'),
        );
        return done(
          options.to
            ? t('dry-run: would download mosquitto {{version}} and install it', { version: options.to })
            : from
              ? t('dry-run: would download the newest mosquitto and install it if it is newer than {{version}}', {
                  version: from,
                })
              : t('dry-run: would download the newest mosquitto and install it'),
          true,
          { needsRestart: 'binary-changed' },
        );
      }
      const set = await chooseSet(ctx, options.packagesDir, options.to);
      const to = set.broker.version;
      const { newerThan } = await import('../packages/deb.js');
      if (from && from !== to && !options.to && !(await newerThan(ctx.runner, ctx.profile.packages.dpkg, to, from)))
        return done(
          t('mosquitto {{version}} is newer than {{offered}}: nothing to do; to go back on purpose: {{command}}', {
            version: from,
            offered: to,
            command: [
              'gate-mqtt upgrade',
              ...(options.packagesDir ? ['--packages', options.packagesDir] : []),
              '--to',
              to,
            ].join(' '),
          }),
          false,
          { learned: { mosquitto: await brokerAfterInstall(ctx) } },
        );
      if (from === to)
        return done(t('mosquitto {{version}} is installed already', { version: to }), false, {
          learned: { mosquitto: await brokerAfterInstall(ctx) },
        });
      const source = options.packagesDir ?? t('the package sources (apt-get download)');
      const configFile = ctx.profile.paths.configFile;
      const configDir = ctx.profile.paths.etcMosquitto;
      const config = await fileBefore(ctx, configFile, 'upgrade', await filesBelow(configDir));
      await beginChange(ctx, 'upgrade', {
        kind: 'package',
        // The record is the way back only when it is what is installed (not after a pkg upgrade by hand).
        ...(previous && previous.broker.version === from ? { from: previous } : {}),
        ...(from ? { fromVersion: from } : {}),
        to,
        toState: recordOf(ctx, set, source),
        ...(config ? { config } : {}),
      });
      let detail: string;
      try {
        detail = await installKeepingConfig(ctx, set, source);
      } catch (error) {
        // An install that failed half-way (dpkg, a full disk) goes back at once, from the journal just written.
        const why = asGateError(error);
        const journal = await readJournal(ctx);
        if (!journal || why.exitCode === ExitCode.internal) throw error;
        const back = await undoChange(ctx, journal).catch((again: unknown) =>
          t('going back failed too: {{why}}', { why: asGateError(again).message }),
        );
        throw failed(
          t('installing mosquitto {{version}} failed ({{why}}); {{back}}', { version: to, why: why.message, back }),
          t(
            'mosquitto {{version}} stays (nothing to do to keep it); why {{offered}} did not install: gate-mqtt logs --ours',
            {
              version: from ?? t('nothing installed'),
              offered: to,
            },
          ),
        );
      }
      return done(from ? t('{{from}} -> {{detail}}', { from, detail }) : detail, true, {
        needsRestart: 'binary-changed',
        learned: { mosquitto: await brokerAfterInstall(ctx) },
      });
    },
  };
}
