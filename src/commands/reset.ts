import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { folderStep } from '../tasks/config.js';
import { mosquittoSteps } from '../tasks/mosquitto.js';
import { pm2InstalledStep, pm2ProcessStep, saveStep } from '../tasks/pm2.js';
import { preflightSteps } from '../tasks/preflight.js';
import { resetSteps, type ResetOptions } from '../tasks/reset.js';
import { startupStep } from '../tasks/startup.js';
import { newRunState } from '../tasks/state.js';
import { verifyStep } from '../tasks/verify.js';
import { finishSteps } from '../ui/print.js';
import { confirm, stdinIsTerminal } from '../ui/prompt.js';
import { runSteps } from '../ui/steps.js';

/**
 * Factory reset from any broken state (garbage config, missing folders, no pm2 process, no daemon):
 * back up, factory config, drop bridges and files we made, recreate `mqtt`, verify, save, boot hook.
 */
export async function reset(ctx: Context, options: ResetOptions & { yes: boolean }): Promise<number> {
  if (!options.yes && !ctx.dryRun) {
    if (!stdinIsTerminal()) throw badInput('reset replaces the broker config: pass --yes to confirm when there is no terminal; nothing was changed');
    const go = await confirm(`Reset the broker at ${ctx.profile.paths.prefix} to factory settings? A backup is kept.`, false);
    if (!go) throw badInput('reset cancelled; nothing was changed');
  }
  const state = newRunState(options.port);
  try {
    const result = await runSteps(ctx, 'reset', [
      ...preflightSteps(ctx, state, 'reset'),
      ...mosquittoSteps(ctx, state),
      pm2InstalledStep(ctx),
      folderStep(ctx),
      ...resetSteps(ctx, state, options),
      pm2ProcessStep(ctx, state),
      verifyStep(ctx, state),
      saveStep(ctx, state),
      startupStep(ctx),
    ]);
    return finishSteps(ctx, result);
  } finally {
    await state.lock?.release();
  }
}
