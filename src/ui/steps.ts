import { Listr, type ListrTask } from 'listr2';
import type { Context } from '../context.js';
import { asGateError } from '../errors.js';
import { crashPoint } from '../fault.js';
import type { CommandResult, StepRecord } from './result.js';

/** What a step did: whether it changed the device, and one line saying what it found or did. */
export interface StepOutcome {
  changed: boolean;
  detail: string;
  /** The step had nothing to do here (dry-run, not applicable); `detail` says why. */
  skipped?: boolean;
}

/** One unit of work in a command's task list. Steps know nothing of listr2; `runSteps` renders them. */
export interface Step {
  id: string;
  title: string;
  run(): Promise<StepOutcome>;
}

export const done = (detail: string, changed = false): StepOutcome => ({ changed, detail });
export const skipped = (detail: string): StepOutcome => ({ changed: false, detail, skipped: true });

/** listr2 draws the live list for a person; without a TTY we print one plain line per step ourselves. */
function rendererFor(ctx: Context): 'default' | 'silent' {
  return ctx.output.interactive ? 'default' : 'silent';
}

function plainLine(ctx: Context, record: StepRecord): void {
  if (ctx.output.interactive || ctx.output.json) return;
  const mark = record.status === 'done' ? (record.changed ? '[changed]' : '[ok]') : record.status === 'skipped' ? '[skipped]' : '[FAILED]';
  ctx.print(`${mark} ${record.title}: ${record.detail}`);
}

/**
 * Runs steps in order as a listr2 task list, recording each one for the JSON result and the log file.
 * The first failure stops the list; its error becomes the result's error.
 */
export async function runSteps(ctx: Context, command: string, steps: Step[]): Promise<CommandResult> {
  const result: CommandResult = { command, ok: true, changed: false, steps: [], error: null };
  ctx.log.write(`start${ctx.dryRun ? ' (dry-run)' : ''}: ${ctx.profile.kind} gateway at ${ctx.profile.paths.prefix}`);
  const tasks: ListrTask[] = steps.map((step) => ({
    title: step.title,
    task: async (_listrCtx, task) => {
      const record: StepRecord = { id: step.id, title: step.title, status: 'failed', changed: false, detail: '' };
      result.steps.push(record);
      try {
        crashPoint(`before:${step.id}`);
        const outcome = await step.run();
        crashPoint(`after:${step.id}`);
        record.status = outcome.skipped ? 'skipped' : 'done';
        record.changed = outcome.changed;
        record.detail = ctx.secrets.scrub(outcome.detail);
        if (outcome.changed) result.changed = true;
        ctx.log.write(`${record.status} ${step.id}${outcome.changed ? ' (changed)' : ''}: ${record.detail}`);
        plainLine(ctx, record);
        if (outcome.skipped) task.skip(`${step.title}: ${record.detail}`);
        else task.title = `${step.title}: ${record.detail}${outcome.changed ? ' (changed)' : ''}`;
      } catch (error) {
        const gate = asGateError(error);
        record.detail = ctx.secrets.scrub(gate.message);
        ctx.log.write(`failed ${step.id}: ${record.detail}`);
        plainLine(ctx, record);
        throw gate;
      }
    },
  }));
  const list = new Listr(tasks, {
    renderer: rendererFor(ctx),
    exitOnError: true,
    rendererOptions: { collapseErrors: false },
  });
  try {
    await list.run();
  } catch (error) {
    const gate = asGateError(error);
    result.ok = false;
    result.error = { code: gate.exitCode, message: ctx.secrets.scrub(gate.message), ...(gate.hint ? { hint: gate.hint } : {}) };
  }
  if (ctx.dryRun) result.planned = ctx.runner.planned.map((line) => ctx.secrets.scrub(line));
  ctx.log.write(`end: ${result.ok ? 'ok' : `failed (exit ${result.error?.code})`}, changed: ${result.changed}`);
  return result;
}
