import { chmod, stat } from 'node:fs/promises';
import type { Context } from '../context.js';
import { writeDeviceFile } from '../fsx/device-files.js';
import { renderBootHook } from '../platform/boot-hook.js';
import { done, type Step } from '../ui/steps.js';

/** `pm2 startup` has no init system to talk to on Android: Termux:Boot runs our hook instead. */
export function startupStep(ctx: Context): Step {
  const hook = ctx.profile.paths.bootHook;
  return {
    id: 'startup.hook',
    title: 'Start at boot',
    run: async () => {
      const written = await writeDeviceFile(ctx, hook, renderBootHook(ctx.profile), { mode: 0o700, reason: 'boot-hook' });
      if (!written.changed && !ctx.dryRun) {
        const info = await stat(hook);
        if ((info.mode & 0o100) === 0) {
          await chmod(hook, 0o700);
          return done(`made ${hook} executable`, true);
        }
      }
      return done(written.changed ? `wrote ${hook} (Termux:Boot runs it)` : `${hook} in place`, written.changed);
    },
  };
}
