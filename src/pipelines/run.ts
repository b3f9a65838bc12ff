import { FACTORY_PORT } from '../config/factory.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { asGateError, pointToLog } from '../model/errors.js';
import type { CommandResult, StepRecord } from '../model/results.js';
import { initialFacts, mergeFacts, type Pipeline, type RunFacts, type Step, type StepRun } from '../model/steps.js';
import { localTarget } from '../network/listener-target.js';
import { crashPoint, pausePoint } from '../platform/fault.js';
import type { Lock } from '../platform/lock.js';
import { stepView } from '../ui/step-view.js';
import { diskStep, lockStep, nodeStep } from './preflight.js';

/** Where the broker is checked before a step learns more: the listener of the config on disk. */
async function observedTarget(ctx: Context, port: number): Promise<RunFacts['target']> {
  const read = await readConfigFile(ctx.profile.paths.configFile);
  return localTarget(read.ok ? read.config.model : undefined, port);
}

/** Every step of a pipeline as it runs: the preflight (Node.js, the run lock, disk space), then its own. */
export function allSteps(ctx: Context, pipeline: Pipeline, hold: (lock: Lock) => void): Step[] {
  return [nodeStep(ctx), lockStep(ctx, pipeline.command, hold), diskStep(ctx), ...pipeline.steps];
}

/**
 * Runs a pipeline: the preflight, then its steps in order. Each step's outcome is recorded for the JSON
 * result and the log, and its learned facts are handed to later steps. The first failure stops the run
 * and becomes the result's error (a bug: exit 70, its stack in the run log); the lock is released
 * whatever happens.
 */
export async function runPipeline(ctx: Context, pipeline: Pipeline): Promise<CommandResult> {
  const { command } = pipeline;
  const result: CommandResult = { command, ok: true, changed: false, steps: [], error: null };
  let facts = initialFacts(await observedTarget(ctx, pipeline.port ?? FACTORY_PORT));
  let lock: Lock | undefined;
  const all = allSteps(ctx, pipeline, (held) => (lock = held));
  ctx.log.write(`start${ctx.dryRun ? ' (dry-run)' : ''}: ${ctx.profile.kind} gateway at ${ctx.profile.paths.prefix}`);

  const runOne = async (step: Step): Promise<StepRun> => {
    const record: StepRecord = { id: step.id, title: step.title, status: 'failed', changed: false, detail: '' };
    result.steps.push(record);
    try {
      crashPoint(`before:${step.id}`);
      const outcome = await step.run(facts);
      crashPoint(`after:${step.id}`);
      await pausePoint(`after:${step.id}`);
      facts = mergeFacts(facts, outcome);
      record.status = outcome.skipped ? 'skipped' : 'done';
      record.changed = outcome.changed;
      record.detail = ctx.secrets.scrub(outcome.detail);
      if (outcome.restarted?.length) record.restart = outcome.restarted;
      if (outcome.warning) record.warning = ctx.secrets.scrub(outcome.warning);
      if (outcome.changed) result.changed = true;
      const restart = record.restart ? ` [restart: ${record.restart.join(', ')}]` : '';
      ctx.log.write(`${record.status} ${step.id}${outcome.changed ? ' (changed)' : ''}: ${record.detail}${restart}`);
      if (record.warning) ctx.log.write(`warning ${step.id}: ${record.warning}`);
      return { record };
    } catch (error) {
      const gate = asGateError(error);
      record.detail = ctx.secrets.scrub(gate.message);
      return { record, error: pointToLog(gate, ctx.log.failure(step.id, gate)) };
    }
  };

  try {
    await stepView(ctx).run(all, runOne);
  } catch (error) {
    let gate = asGateError(error);
    // A view that failed by itself (not a step's error, which is logged already) is logged here.
    if (!result.steps.some((s) => s.status === 'failed')) gate = pointToLog(gate, ctx.log.failure('the run', gate));
    result.ok = false;
    result.error = {
      code: gate.exitCode,
      message: ctx.secrets.scrub(gate.message),
      ...(gate.hint ? { hint: ctx.secrets.scrub(gate.hint) } : {}),
    };
  } finally {
    await lock?.release();
  }
  if (ctx.dryRun) result.planned = ctx.plan.lines.map((line) => ctx.secrets.scrub(line));
  ctx.log.write(`end: ${result.ok ? 'ok' : `failed (exit ${result.error?.code})`}, changed: ${result.changed}`);
  return result;
}
