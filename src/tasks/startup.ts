import type { Context } from '../context.js';
import { renderBootHook } from '../platform/boot-hook.js';
import { done, type Step } from './step.js';

/** `pm2 startup` has no init system to talk to on Android: Termux:Boot runs our hook instead. */
export function startupStep(ctx: Context): Step {
  const hook = ctx.profile.paths.bootHook;
  return {
    id: 'startup.hook',
    title: 'Start at boot',
    run: async () => {
      const written = await ctx.writer.write(hook, renderBootHook(ctx.profile), { mode: 0o700, reason: 'boot-hook' });
      if (written.changed) return done(`wrote ${hook} (Termux:Boot runs it)`, true);
      if (await ctx.writer.ensureMode(hook, 0o700)) return done(`made ${hook} executable`, true);
      return done(`${hook} in place`);
    },
  };
}
