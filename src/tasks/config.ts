import { authConfig, factoryConfig } from '../config/factory.js';
import { localTarget } from '../config/listener-target.js';
import { errors, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import type { Context } from '../context.js';
import { done, type Step } from './step.js';

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
    title: 'Folders',
    run: async () => {
      let made = 0;
      for (const [dir, mode] of wanted) if (await ctx.writer.ensureDir(dir, mode)) made++;
      return done(made ? `created ${made} folder(s)` : 'all present', made > 0);
    },
  };
}

export interface FactoryConfigOptions {
  port: number;
  /** The --auth profile instead of the anonymous factory config. */
  auth: boolean;
}

/**
 * Writes the factory config only when none exists; an existing file is the user's and is kept. With
 * --auth, an untouched factory config is replaced by the auth profile (an explicit choice; backed up).
 */
export function factoryConfigStep(ctx: Context, { port, auth }: FactoryConfigOptions): Step {
  const file = ctx.profile.paths.configFile;
  const desired = auth ? authConfig(port, ctx.profile.paths.passwordFile) : factoryConfig(port);
  const kind = auth ? 'auth profile' : 'factory';
  const target = { host: '127.0.0.1', port };
  return {
    id: 'config.factory',
    title: 'Broker config',
    run: async () => {
      const current = await readConfigFile(file);
      if (!current.ok && current.missing) {
        await ctx.writer.write(file, desired, { mode: 0o644, reason: 'provision' });
        return done(`wrote the ${kind} config (listener ${port})`, true, {
          learned: { target },
          needsRestart: 'config-changed',
        });
      }
      if (!current.ok)
        return done(`kept ${file} as it is, but it is not a usable config (${current.message}); see: gate-mqtt doctor`);
      const inForce = localTarget(current.config.model, port);
      if (current.text === desired)
        return done(`${kind} config in place (listener ${port})`, false, { learned: { target: inForce } });
      if (auth && current.text === factoryConfig(inForce.port)) {
        const written = await ctx.writer.write(file, desired, { mode: 0o644, reason: 'provision-auth' });
        const backup = written.backupId ? `, backup ${written.backupId}` : '';
        return done(`replaced the factory config by the auth profile (listener ${port})${backup}`, true, {
          learned: { target },
          needsRestart: 'config-changed',
        });
      }
      if (current.text === factoryConfig(inForce.port)) {
        const asked =
          inForce.port === port
            ? ''
            : `; kept it, although --port ${port} was asked: change it with gate-mqtt config apply`;
        return done(`factory config in place (listener ${inForce.port})${asked}`, false, {
          learned: { target: inForce },
        });
      }
      const problems = errors(current.config);
      const note = problems[0] ? `; it has problems: ${formatIssue(problems[0])}` : '';
      return done(
        `kept the existing config: it differs from the factory one (drift, listener ${inForce.port})${note}`,
        false,
        {
          learned: { target: inForce },
        },
      );
    },
  };
}
