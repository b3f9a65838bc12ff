import { t } from '../i18n/translate.js';
import type { StepRecord } from '../model/results.js';
import type { Step, StepRun } from '../model/steps.js';
import type { Output } from './output.js';

/** How a pipeline's steps are shown while they run. `runOne` never throws; a view throws the first error. */
export interface StepView {
  run(steps: Step[], runOne: (step: Step) => Promise<StepRun>): Promise<void>;
}

export function plainMark(record: StepRecord): string {
  if (record.status === 'failed') return t('[FAILED]');
  if (record.status === 'skipped') return t('[skipped]');
  if (record.warning) return t('[WARNING]');
  return record.changed ? t('[changed]') : t('[ok]');
}

/** One plain line per step (no TTY); nothing at all under --json, where the document says it all. */
function plainView(ctx: Pick<Output, 'output' | 'print'>): StepView {
  return {
    run: async (steps, runOne) => {
      for (const step of steps) {
        const { record, error } = await runOne(step);
        if (!ctx.output.json) ctx.print(`${plainMark(record)} ${record.title}: ${record.detail}`);
        if (!ctx.output.json && record.warning) ctx.print(`  ${t('hint: {{hint}}', { hint: record.warning })}`);
        if (error) throw error;
      }
    },
  };
}

/** listr2's live task list for a person at a terminal (loaded only then). */
function liveView(): StepView {
  return {
    run: async (steps, runOne) => {
      const { Listr } = await import('listr2');
      const list = new Listr(
        steps.map((step) => ({
          title: step.title,
          task: async (_: unknown, task: { title: string; output: string; skip(message: string): void }) => {
            const { record, error } = await runOne(step);
            if (error) throw error;
            if (record.status === 'skipped') task.skip(`${step.title}: ${record.detail}`);
            else if (record.warning) {
              task.title = t('WARNING {{title}}: {{detail}}', { title: step.title, detail: record.detail });
              task.output = t('hint: {{hint}}', { hint: record.warning });
            } else {
              const changed = record.changed ? ` ${t('(changed)')}` : '';
              task.title = `${step.title}: ${record.detail}${changed}`;
            }
          },
        })),
        {
          renderer: 'default',
          exitOnError: true,
          // Ctrl-C is the runner's: it finishes or undoes the change under way before the run ends.
          registerSignalListeners: false,
          rendererOptions: { collapseErrors: false },
        },
      );
      await list.run();
    },
  };
}

export function stepView(ctx: Pick<Output, 'output' | 'print'>): StepView {
  return ctx.output.interactive ? liveView() : plainView(ctx);
}
