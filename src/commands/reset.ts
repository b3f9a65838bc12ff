import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { PIPELINES, type ResetOptions } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { finishSteps } from '../ui/print.js';
import { confirm, stdinIsTerminal } from '../ui/prompt.js';

/**
 * Factory reset from any broken state (garbage config, missing folders, no pm2 process, no daemon).
 * Asks first on a terminal (before the task list starts); refuses without --yes when there is none.
 */
export async function reset(ctx: Context, options: ResetOptions & { yes: boolean }): Promise<number> {
  if (!options.yes && !ctx.dryRun) {
    if (!stdinIsTerminal()) {
      throw badInput(
        t('reset replaces the broker config: pass --yes to confirm when there is no terminal; nothing was changed'),
        t('gate-mqtt reset --yes'),
      );
    }
    const question = t('Reset the broker at {{prefix}} to factory settings? A backup is kept.', {
      prefix: ctx.profile.paths.prefix,
    });
    if (!(await confirm(question, false)))
      throw badInput(t('reset cancelled; nothing was changed'), t('gate-mqtt reset --yes does it without asking'));
  }
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES.reset(ctx, options)));
}
