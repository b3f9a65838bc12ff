import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { asGateError, type GateError, pointToLog } from '../model/errors.js';
import type { CommandResult, StepRecord } from '../model/results.js';
import { initialFacts, mergeFacts, type Pipeline, type Step, type StepRun } from '../model/steps.js';
import type { Lock } from '../platform/lock.js';
import { crashPoint, pausePoint } from '../run/fault.js';
import { finishChange } from '../tasks/finish.js';
import { endChange, readJournal } from '../tasks/journal.js';
import { targetOnDisk } from '../tasks/serve.js';
import { stepView } from '../ui/step-view.js';
import { diskStep, journalStep, lockStep, nodeStep } from './preflight.js';
import { SignalWatch } from './signals.js';

/** Every step of a pipeline as it runs: the preflight (Node.js, lock, disk, unfinished changes), then its own. */
export function allSteps(ctx: Context, pipeline: Pipeline, hold: (lock: Lock) => void): Step[] {
  const preflight = [nodeStep(ctx), lockStep(ctx, pipeline.command, hold), diskStep(ctx), journalStep(ctx, pipeline)];
  return [...preflight, ...pipeline.steps];
}

/**
 * After Ctrl-C or SIGTERM: the change under way finished or undone (a broker that serves), in words.
 * Only a run that holds the lock touches a journal (another run's change is that run's).
 */
async function settle(ctx: Context, locked: boolean): Promise<string> {
  if (ctx.dryRun) return t('a dry run changes nothing');
  const journal = locked ? await readJournal(ctx) : undefined;
  if (!journal) return t('no change was under way; nothing is left half done');
  try {
    return (await finishChange(ctx, journal, { stopping: true })).detail;
  } catch (error) {
    const why = asGateError(error).message;
    return t('the change under way could be neither finished nor undone ({{why}}); the next run tries again', { why });
  }
}

/**
 * Runs a pipeline: the preflight, then its steps in order. Each step's outcome is recorded for the JSON
 * result and the log, and its learned facts are handed to later steps. The first failure stops the run
 * and becomes the result's error (a bug: exit 70, its stack in the run log). A run that ends well clears
 * its journal; Ctrl-C or SIGTERM stop it after the step under way, with the change finished or undone
 * (exit 130, 143). The lock is released whatever happens.
 */
export async function runPipeline(ctx: Context, pipeline: Pipeline): Promise<CommandResult> {
  const { command } = pipeline;
  const result: CommandResult = { command, ok: true, changed: false, steps: [], error: null };
  let facts = initialFacts(await targetOnDisk(ctx, pipeline.port));
  let lock: Lock | undefined;
  const all = allSteps(ctx, pipeline, (held) => (lock = held));
  // A second signal stops at once: the programs this run started go with it (the next run finishes the change).
  const signals = new SignalWatch(
    (line) => process.stderr.write(`\n${line}\n`),
    () => ctx.runner.stopAll(),
  );
  let stepFailed = false;
  ctx.log.write(`start${ctx.dryRun ? ' (dry-run)' : ''}: ${ctx.profile.kind} gateway at ${ctx.profile.paths.prefix}`);

  const runOne = async (step: Step): Promise<StepRun> => {
    const record: StepRecord = { id: step.id, title: step.title, status: 'failed', changed: false, detail: '' };
    result.steps.push(record);
    if (signals.signal) {
      stepFailed = true;
      record.status = 'skipped';
      record.detail = t('not run: {{signal}}', { signal: signals.signal });
      const error = signals.error(await settle(ctx, lock !== undefined));
      ctx.log.write(`stopped before ${step.id}: ${error.message}`);
      return { record, error };
    }
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
      stepFailed = true;
      record.detail = ctx.secrets.scrub(gate.message);
      return { record, error: pointToLog(gate, ctx.log.failure(step.id, gate)) };
    }
  };

  try {
    await stepView(ctx).run(all, runOne);
    // Done and verified: the change is no longer under way. A signal after the last step changes nothing.
    if (lock) await endChange(ctx);
  } catch (error) {
    let gate: GateError = asGateError(error);
    // A view that failed by itself (not a step's error, which is logged already) is logged here.
    if (!stepFailed) gate = pointToLog(gate, ctx.log.failure('the run', gate));
    result.ok = false;
    result.error = {
      code: gate.exitCode,
      message: ctx.secrets.scrub(gate.message),
      ...(gate.hint ? { hint: ctx.secrets.scrub(gate.hint) } : {}),
    };
  } finally {
    signals.stop();
    await lock?.release();
  }
  if (ctx.dryRun) result.planned = ctx.plan.lines.map((line) => ctx.secrets.scrub(line));
  ctx.log.write(`end: ${result.ok ? 'ok' : `failed (exit ${result.error?.code})`}, changed: ${result.changed}`);
  return result;
}
