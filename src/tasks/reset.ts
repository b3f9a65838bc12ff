import { readdir, rm, unlink } from 'node:fs/promises';
import type { Context } from '../context.js';
import { factoryConfig } from '../config/factory.js';
import { writeFileAtomic } from '../fsx/atomic-write.js';
import { backupStore, readText } from '../fsx/device-files.js';
import { done, type Step } from '../ui/steps.js';
import type { RunState } from './state.js';

export interface ResetOptions {
  keepData: boolean;
  port: number;
}

interface ResetState extends RunState {
  pending?: { config: boolean; madeFiles: string[]; data: boolean };
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

/** Back up what reset will replace or remove, then put the factory state in place. */
export function resetSteps(ctx: Context, state: ResetState, options: ResetOptions): Step[] {
  const paths = ctx.profile.paths;
  const factory = factoryConfig(options.port);
  return [
    {
      id: 'reset.backup',
      title: 'Back up the current broker files',
      run: async () => {
        const config = await readText(paths.configFile).catch(() => undefined);
        const madeFiles = [paths.passwordFile].filter((f) => f !== paths.configFile);
        const presentMade = [];
        for (const file of madeFiles) if ((await readText(file).catch(() => undefined)) !== undefined) presentMade.push(file);
        const data = !options.keepData && (await listDir(paths.dataDir)).length > 0;
        state.pending = { config: config !== factory, madeFiles: presentMade, data };
        if (!state.pending.config && presentMade.length === 0 && !data) return done('already the factory state: nothing to back up');
        if (ctx.dryRun) return done(`dry-run: would back up ${paths.etcMosquitto}${data ? ` and ${paths.dataDir}` : ''}`, true);
        const sources = [paths.etcMosquitto, ...(data ? [paths.dataDir] : [])];
        const manifest = await backupStore(ctx).save('reset', sources);
        return done(manifest ? `backup ${manifest.id} (${manifest.entries.length} file(s))` : 'nothing on disk to back up', true);
      },
    },
    {
      id: 'reset.config',
      title: 'Factory config',
      run: async () => {
        const pending = state.pending!;
        state.port = options.port;
        state.host = '127.0.0.1';
        if (!pending.config && pending.madeFiles.length === 0 && !pending.data) return done(`factory config in place (listener ${options.port})`);
        if (ctx.dryRun) return done(`dry-run: would write the factory config${pending.madeFiles.length ? ` and remove ${pending.madeFiles.join(', ')}` : ''}`, true);
        if (pending.config) await writeFileAtomic(paths.configFile, factory, { mode: 0o644 });
        for (const file of pending.madeFiles) await unlink(file).catch(() => undefined);
        if (pending.data) for (const name of await listDir(paths.dataDir)) await rm(`${paths.dataDir}/${name}`, { recursive: true, force: true });
        state.configChanged = true;
        const removed = [...pending.madeFiles, ...(pending.data ? [`the contents of ${paths.dataDir}`] : [])];
        return done(`wrote the factory config (listener ${options.port}), bridges dropped${removed.length ? `; removed ${removed.join(', ')}` : ''}`, true);
      },
    },
  ];
}
