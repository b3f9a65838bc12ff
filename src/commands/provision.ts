import type { Context } from '../context/context.js';
import { PIPELINES, type ProvisionOptions } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { finishSteps } from '../ui/print.js';

/**
 * First boot: from nothing to a broker that answers, runs under pm2 and comes back after a reboot.
 * The broker is verified before the process list is saved, so a dump never records a broken broker.
 */
export async function provision(ctx: Context, options: ProvisionOptions): Promise<number> {
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES.provision(ctx, options)));
}
