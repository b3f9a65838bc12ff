import { authConfig, factoryConfig } from '../config/factory.js';
import { errors, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import { localTarget } from '../network/listener-target.js';

export function folderStep(ctx: Context): Step {
  const paths = ctx.profile.paths;
  const wanted: Array<[string, number]> = [
    [paths.etcMosquitto, 0o755],
    [paths.dataDir, 0o755],
    [paths.logDir, 0o755],
    [paths.stateDir, 0o755],
    [paths.backupDir, 0o700],
    [paths.bootDir, 0o755],
  ];
  return {
    id: 'config.folders',
    title: t('Folders'),
    run: async () => {
      let made = 0;
      for (const [dir, mode] of wanted) if (await ctx.writer.ensureDir(dir, mode)) made++;
      return done(made ? t('created {{count}} folder(s)', { count: made }) : t('all present'), made > 0);
    },
  };
}

export interface FactoryConfigOptions {
  port: number;
  /** --port was given: a factory config on another port is kept, and that is said (not when it was the default). */
  portAsked?: boolean;
  /** The --auth profile instead of the anonymous factory config. */
  auth: boolean;
}

/**
 * Writes the factory config only when none exists; an existing file is the user's and is kept. With
 * --auth, an untouched factory config is replaced by the auth profile (an explicit choice; backed up).
 */
export function factoryConfigStep(ctx: Context, { port, auth, portAsked = false }: FactoryConfigOptions): Step {
  const file = ctx.profile.paths.configFile;
  const desired = auth ? authConfig(port, ctx.profile.paths.passwordFile) : factoryConfig(port);
  const target = { host: '127.0.0.1', port };
  return {
    id: 'config.factory',
    title: t('Broker config'),
    run: async () => {
      const current = await readConfigFile(file);
      if (!current.ok && current.missing) {
        await ctx.writer.write(file, desired, { mode: 0o644, reason: 'provision' });
        const detail = auth
          ? t('wrote the auth profile config (listener {{port}})', { port })
          : t('wrote the factory config (listener {{port}})', { port });
        return done(detail, true, {
          learned: { target },
          needsRestart: 'config-changed',
        });
      }
      if (!current.ok)
        return done(
          t('kept {{file}} as it is, but it is not a usable config ({{problem}}); see: gate-mqtt doctor', {
            file,
            problem: current.message,
          }),
        );
      const inForce = localTarget(current.config.model, port);
      if (current.text === desired) {
        const detail = auth
          ? t('auth profile config in place (listener {{port}})', { port })
          : t('factory config in place (listener {{port}})', { port });
        return done(detail, false, { learned: { target: inForce } });
      }
      // An older gate-mqtt's auth profile named its password file beside the config; the users were
      // carried into ours by the password step before this one, so the config now names ours.
      if (auth && current.text === authConfig(inForce.port, ctx.profile.paths.legacyPasswordFile)) {
        const written = await ctx.writer.write(file, desired, { mode: 0o644, reason: 'provision-auth' });
        const detail = t('the auth profile now reads the password file {{file}}, backup {{backup}}', {
          file: ctx.profile.paths.passwordFile,
          backup: written.backupId ?? '-',
        });
        return done(detail, true, { learned: { target: inForce }, needsRestart: 'config-changed' });
      }
      if (auth && current.text === factoryConfig(inForce.port)) {
        const written = await ctx.writer.write(file, desired, { mode: 0o644, reason: 'provision-auth' });
        const detail = written.backupId
          ? t('replaced the factory config by the auth profile (listener {{port}}), backup {{backup}}', {
              port,
              backup: written.backupId,
            })
          : t('replaced the factory config by the auth profile (listener {{port}})', { port });
        return done(detail, true, {
          learned: { target },
          needsRestart: 'config-changed',
        });
      }
      if (current.text === factoryConfig(inForce.port)) {
        const asIs = inForce.port === port || !portAsked;
        const detail = asIs
          ? t('factory config in place (listener {{port}})', { port: inForce.port })
          : t(
              'factory config in place (listener {{port}}); kept it, although --port {{asked}} was asked: change it with gate-mqtt config apply',
              { port: inForce.port, asked: port },
            );
        return done(detail, false, {
          learned: { target: inForce },
          ...(asIs ? {} : { warning: t('change the port with: gate-mqtt config apply FILE') }),
        });
      }
      const [problem] = errors(current.config);
      const detail = problem
        ? t(
            'kept the existing config: it differs from the factory one (drift, listener {{port}}); it has problems: {{problem}}',
            { port: inForce.port, problem: formatIssue(problem) },
          )
        : t('kept the existing config: it differs from the factory one (drift, listener {{port}})', {
            port: inForce.port,
          });
      // Kept, never overwritten (a hand edit is the user's), but worth a look: a warning, not an ok.
      return done(detail, false, {
        learned: { target: inForce },
        warning: t(
          'see it with gate-mqtt config show; gate-mqtt reset brings the factory config back (the current one is backed up)',
        ),
      });
    },
  };
}
