import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { t } from '../i18n/translate.js';
import { runUninstall } from '../tasks/uninstall.js';
import { runUpgrade, type UpgradeOptions } from '../tasks/upgrade.js';
import { finishSteps } from '../ui/print.js';
import { confirm, stdinIsTerminal } from '../ui/prompt.js';

/** `upgrade`: the broker package to a newer (or the given) version, config kept, rolled back when it fails. */
export async function upgrade(ctx: Context, options: UpgradeOptions): Promise<number> {
  return finishSteps(ctx, await runUpgrade(ctx, options));
}

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
    if (!(await confirm(question, false))) throw badInput(t('uninstall cancelled; nothing was changed'));
  }
  return finishSteps(ctx, await runUninstall(ctx, { purge: options.purge }));
}
