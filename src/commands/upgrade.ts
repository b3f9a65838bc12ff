import type { Context } from '../context/context.js';
import { PIPELINES, type UpgradeOptions } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { finishSteps } from '../ui/print.js';

/** `upgrade`: the broker package to a newer (or the given) version, config kept, rolled back when it fails. */
export async function upgrade(ctx: Context, options: UpgradeOptions): Promise<number> {
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES.upgrade(ctx, options)));
}
