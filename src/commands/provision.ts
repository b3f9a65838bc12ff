import type { Context } from '../context.js';
import { passwordStep, type AuthOptions } from '../tasks/auth.js';
import { factoryConfigStep, folderStep } from '../tasks/config.js';
import { mosquittoSteps } from '../tasks/mosquitto.js';
import { pm2InstalledStep, pm2ProcessStep, saveStep } from '../tasks/pm2.js';
import { preflightSteps } from '../tasks/preflight.js';
import { startupStep } from '../tasks/startup.js';
import { newRunState } from '../tasks/state.js';
import { verifyStep } from '../tasks/verify.js';
import type { CommandResult } from '../ui/result.js';
import { runSteps } from '../ui/steps.js';

export interface ProvisionOptions {
  port: number;
  /** The opt-in --auth profile: anonymous clients refused, this user in the password file. */
  auth?: AuthOptions;
}

/**
 * First boot: from nothing to a broker that answers, runs under pm2 and comes back after a reboot.
 * The broker is verified before the process list is saved, so a dump never records a broken broker.
 */
export async function provision(ctx: Context, options: ProvisionOptions): Promise<CommandResult> {
  const state = newRunState(options.port);
  try {
    return await runSteps(ctx, 'provision', [
      ...preflightSteps(ctx, state, 'provision'),
      ...mosquittoSteps(ctx, state),
      pm2InstalledStep(ctx),
      folderStep(ctx),
      ...(options.auth ? [passwordStep(ctx, state, options.auth)] : []),
      factoryConfigStep(ctx, state, options.port, options.auth !== undefined),
      pm2ProcessStep(ctx, state),
      verifyStep(ctx, state),
      saveStep(ctx, state),
      startupStep(ctx),
    ]);
  } finally {
    await state.lock?.release();
  }
}
