import type { Context } from '../context.js';
import { asGateError, type GateError } from '../errors.js';
import { crashPoint, pausePoint } from '../fault.js';
import { t } from '../i18n/translate.js';
import { acquireLock, type Lock } from '../platform/lock.js';
import type { CommandResult, StepRecord } from '../ui/result.js';
import { stepView } from '../ui/step-view.js';
import { diskStep, nodeStep } from './preflight.js';
import { done, mergeFacts, type RunFacts, type Step, skipped } from './step.js';

/** The outcome of one step as the views see it: its record, and the error that stops the run. */
export interface StepRun {
  record: StepRecord;
  error?: GateError;
}

/** The run lock, taken by the runner for every pipeline (dry-run takes none) and released when it ends. */
function lockStep(ctx: Context, command: string, hold: (lock: Lock) => void): Step {
  return {
    id: 'preflight.lock',
    title: t('Run lock'),
    run: async () => {
      if (ctx.dryRun) return skipped(t('dry-run takes no lock'));
      await ctx.writer.ensureDir(ctx.profile.paths.stateDir);
      hold(await acquireLock(ctx.profile.paths.lockFile, command));
      return done(t('held by pid {{pid}}', { pid: process.pid }));
    },
  };
}

/**
 * Runs a pipeline: the preflight (Node.js, the run lock, disk space), then its steps in order. Each step's
 * outcome is recorded for the JSON result and the log, and its learned facts are handed to later steps.
 * The first failure stops the run and becomes the result's error; the lock is released whatever happens.
 */
export async function runPipeline(
  ctx: Context,
  command: string,
  steps: Step[],
  initial: RunFacts,
): Promise<CommandResult> {
  const result: CommandResult = { command, ok: true, changed: false, steps: [], error: null };
  let facts = initial;
  let lock: Lock | undefined;
  const all = [nodeStep(ctx), lockStep(ctx, command, (held) => (lock = held)), diskStep(ctx), ...steps];
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
      ctx.log.write(`failed ${step.id}: ${record.detail}`);
      return { record, error: gate };
    }
  };

  try {
    await stepView(ctx).run(all, runOne);
  } catch (error) {
    const gate = asGateError(error);
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
