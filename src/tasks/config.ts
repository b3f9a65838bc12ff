import type { Context } from '../context.js';
import { authConfig, factoryConfig } from '../config/factory.js';
import { localTarget } from '../config/listener-target.js';
import { errors, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import { ensureDeviceDir, writeDeviceFile } from '../fsx/device-files.js';
import { done, type Step } from '../ui/steps.js';
import type { RunState } from './state.js';

export function folderStep(ctx: Context): Step {
  const paths = ctx.profile.paths;
  return {
    id: 'config.folders',
    title: 'Folders',
    run: async () => {
      const made: string[] = [];
      const wanted: Array<[string, number]> = [
        [paths.etcMosquitto, 0o755],
        [paths.dataDir, 0o755],
        [paths.logDir, 0o755],
        [paths.stateDir, 0o755],
        [paths.backupDir, 0o700],
        [paths.bootDir, 0o755],
      ];
      for (const [dir, mode] of wanted) if (await ensureDeviceDir(ctx, dir, mode)) made.push(dir);
      return done(made.length ? `created ${made.length} folder(s)` : 'all present', made.length > 0);
    },
  };
}

/**
 * Writes the factory config only when none exists; an existing file is the user's and is kept. With
 * --auth, an untouched factory config is replaced by the auth profile (an explicit choice; backed up).
 */
export function factoryConfigStep(ctx: Context, state: RunState, port: number, auth = false): Step {
  const file = ctx.profile.paths.configFile;
  const desired = auth ? authConfig(port, ctx.profile.paths.passwordFile) : factoryConfig(port);
  return {
    id: 'config.factory',
    title: 'Broker config',
    run: async () => {
      const current = await readConfigFile(file);
      if (!current.ok && current.missing) {
        await writeDeviceFile(ctx, file, desired, { mode: 0o644, reason: 'provision' });
        state.port = port;
        state.configChanged = true;
        return done(`wrote the ${auth ? 'auth profile' : 'factory'} config (listener ${port})`, true);
      }
      if (!current.ok) {
        return done(`kept ${file} as it is, but it is not a usable config (${current.message}); see: gate-mqtt doctor`);
      }
      const target = localTarget(current.config.model, port);
      state.port = target.port;
      state.host = target.host;
      if (current.text === desired) return done(`${auth ? 'auth profile' : 'factory'} config in place (listener ${port})`);
      if (auth && current.text === factoryConfig(target.port)) {
        const written = await writeDeviceFile(ctx, file, desired, { mode: 0o644, reason: 'provision-auth' });
        state.port = port;
        state.configChanged = true;
        return done(`replaced the factory config by the auth profile (listener ${port})${written.backupId ? `, backup ${written.backupId}` : ''}`, true);
      }
      if (current.text === factoryConfig(target.port)) {
        const asked = target.port === port ? '' : `; kept it, although --port ${port} was asked: change it with gate-mqtt config apply`;
        return done(`factory config in place (listener ${target.port})${asked}`);
      }
      const problems = errors(current.config);
      const note = problems.length ? `; it has problems: ${formatIssue(problems[0]!)}` : '';
      return done(`kept the existing config: it differs from the factory one (drift, listener ${target.port})${note}`);
    },
  };
}
