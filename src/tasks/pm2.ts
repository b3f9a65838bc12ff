import { existsSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { Context } from '../context.js';
import { failed, unsupported } from '../errors.js';
import { isListening } from '../broker/port.js';
import { writeDeviceFile } from '../fsx/device-files.js';
import { brokerDefinition, definitionFile, matchesDefinition } from '../pm2/definition.js';
import { rotateIfLarge } from '../pm2/log-rotate.js';
import { PROCESS_NAME } from '../pm2/pm2.js';
import { done, skipped, type Step } from '../ui/steps.js';
import { runsOlderConfig } from './staleness.js';
import type { RunState } from './state.js';

export const PM2_FLOOR = '5.0.0';
export const PM2_PACKAGE = 'pm2@7';

/** pm2 present (installed with npm on a device when missing) and above its floor: checked before anything is written. */
export function pm2InstalledStep(ctx: Context): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.installed',
    title: 'pm2 installed',
    run: async () => {
      let changed = false;
      if (!existsSync(profile.pm2.script)) {
        if (profile.kind !== 'termux') throw unsupported(`pm2 is missing at ${profile.pm2.script}`, 'run npm ci in the gate-mqtt folder');
        const npm = path.join(profile.paths.bin, 'npm');
        await ctx.runner.check([npm, ['install', '-g', PM2_PACKAGE]], { env: profile.env, timeoutMs: 10 * 60_000, mutates: true });
        changed = true;
        if (ctx.dryRun) return done(`dry-run: would install ${PM2_PACKAGE}`, true);
      }
      const version = await pm2.version();
      const coerced = semver.coerce(version);
      if (!coerced || !semver.gte(coerced, PM2_FLOOR)) throw unsupported(`pm2 ${version || '(unknown)'} is older than ${PM2_FLOOR}`, `upgrade it: npm install -g ${PM2_PACKAGE}`);
      return done(`${coerced.version} (floor ${PM2_FLOOR})`, changed);
    },
  };
}

/** The broker under pm2 as `mqtt`: started, or restarted when its definition or config changed; else left alone. */
export function pm2ProcessStep(ctx: Context, state: RunState): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.process',
    title: `pm2 process "${PROCESS_NAME}"`,
    run: async () => {
      if (!state.mosquitto) throw failed('no mosquitto binary to run');
      const definition = brokerDefinition(profile, state.mosquitto);
      const written = await writeDeviceFile(ctx, profile.paths.pm2Definition, definitionFile(definition), { reason: 'pm2-definition' });
      if (!ctx.dryRun) await rotateIfLarge(profile.paths.brokerLog);
      const current = await pm2.find(PROCESS_NAME, !ctx.dryRun);
      if (await runsOlderConfig(profile.paths.configFile, current)) state.configChanged = true;
      if (current?.status === 'online' && matchesDefinition(current, definition) && !written.changed && !state.configChanged) {
        state.broker = current;
        return done(`online (pid ${current.pid}, ${current.restarts} restarts)`);
      }
      if (current?.status !== 'online' && (await isListening(state.port, state.host))) {
        throw failed(`port ${state.port} is in use by another program; the broker was not started`, `find it with: ss -ltnp 'sport = :${state.port}'`);
      }
      if (current) await pm2.remove(PROCESS_NAME);
      await pm2.startDefinition(profile.paths.pm2Definition);
      state.startedByUs = true;
      state.processChanged = true;
      const why = !current ? 'started' : current.status !== 'online' ? `restarted (was ${current.status})` : state.configChanged ? 'restarted with the new config' : 'restarted with the new definition';
      return done(ctx.dryRun ? `dry-run: would be ${why}` : why, true);
    },
  };
}

export function saveStep(ctx: Context, state: RunState): Step {
  return {
    id: 'pm2.save',
    title: 'pm2 process list saved',
    run: async () => {
      const saved = (await ctx.pm2.dumpNames()).includes(PROCESS_NAME);
      if (saved && !state.processChanged) return done(`${ctx.pm2.dumpFile} holds "${PROCESS_NAME}"`);
      if (ctx.dryRun) return skipped(`dry-run: would run ${ctx.pm2.describe(['save', '--force'])}`);
      await ctx.pm2.save();
      return done(`saved to ${ctx.pm2.dumpFile}`, true);
    },
  };
}
