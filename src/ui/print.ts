import type { Context } from '../context.js';
import { t } from '../i18n/translate.js';
import type { CommandResult } from './result.js';

/** Prints the one JSON document of --json (stdout holds nothing else). */
export function printJson(ctx: Context, document: unknown): void {
  process.stdout.write(`${ctx.secrets.scrub(JSON.stringify(document, null, 2))}\n`);
}

/** Finishes a step command: the JSON document, or for people the outcome and what to do. */
export function finishSteps(ctx: Context, result: CommandResult): number {
  if (ctx.output.json) {
    printJson(ctx, result);
  } else {
    for (const line of result.planned ?? []) ctx.print(t('would: {{action}}', { action: line }));
    if (result.error) {
      process.stderr.write(`${t('error: {{message}}', { message: result.error.message })}\n`);
      if (result.error.hint) process.stderr.write(`${t('hint: {{hint}}', { hint: result.error.hint })}\n`);
    } else {
      const outcome = result.changed ? t('ok, changed') : t('ok, nothing changed');
      ctx.print(
        t('{{command}}: {{outcome}} (changed: {{changed}})', {
          command: result.command,
          outcome,
          changed: String(result.changed),
        }),
      );
    }
  }
  return result.error?.code ?? 0;
}
