import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import { renderBootHook } from '../platform/boot-hook.js';

/** `pm2 startup` has no init system to talk to on Android: Termux:Boot runs our hook instead. */
export function startupStep(ctx: Context): Step {
  const hook = ctx.profile.paths.bootHook;
  return {
    id: 'startup.hook',
    title: t('Start at boot'),
    run: async () => {
      const written = await ctx.writer.write(hook, renderBootHook(ctx.profile), { mode: 0o700, reason: 'boot-hook' });
      if (written.changed) return done(t('wrote {{file}} (Termux:Boot runs it)', { file: hook }), true);
      if (await ctx.writer.ensureMode(hook, 0o700)) return done(t('made {{file}} executable', { file: hook }), true);
      return done(t('{{file}} in place', { file: hook }));
    },
  };
}
