import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { finishSteps } from '../ui/print.js';
import { confirm, stdinIsTerminal } from '../ui/prompt.js';

/** `uninstall [--purge]`: --purge removes the config and data (after a backup): asked, or --yes. */
export async function uninstall(ctx: Context, options: { purge: boolean; yes: boolean }): Promise<number> {
  if (options.purge && !options.yes && !ctx.dryRun) {
    if (!stdinIsTerminal())
      throw badInput(
        t(
          'uninstall --purge removes the broker config and data: pass --yes to confirm when there is no terminal; nothing was changed',
        ),
        t('gate-mqtt uninstall --purge --yes'),
      );
    const question = t('Remove the broker config and data at {{prefix}}? A final backup is kept.', {
      prefix: ctx.profile.paths.prefix,
    });
    if (!(await confirm(question, false)))
      throw badInput(
        t('uninstall cancelled; nothing was changed'),
        t('gate-mqtt uninstall --purge --yes does it without asking'),
      );
  }
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES.uninstall(ctx, { purge: options.purge })));
}
