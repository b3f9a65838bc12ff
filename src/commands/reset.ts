import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { runReset } from '../tasks/pipelines.js';
import type { ResetOptions } from '../tasks/reset.js';
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
        'reset replaces the broker config: pass --yes to confirm when there is no terminal; nothing was changed',
      );
    }
    const go = await confirm(
      `Reset the broker at ${ctx.profile.paths.prefix} to factory settings? A backup is kept.`,
      false,
    );
    if (!go) throw badInput('reset cancelled; nothing was changed');
  }
  return finishSteps(ctx, await runReset(ctx, options));
}
