import { t } from '../i18n/translate.js';
import type { CommandResult } from '../model/results.js';
import type { Output } from './output.js';
import { visible } from './visible.js';

let pipesGuarded = false;
let stdoutClosed = false;

/**
 * A reader that goes away (`gate-mqtt status | head -1`) ends what is shown, not the run: a provision
 * goes on to its end instead of dying half-way with a stack trace. What never ends by itself (logs -f)
 * asks outputClosed() and stops.
 */
export function ignoreClosedPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      if (stream === process.stdout) stdoutClosed = true;
    });
}

/** Whether the reader of stdout went away. */
export const outputClosed = (): boolean => stdoutClosed;

/** Prints the one JSON document of --json (stdout holds nothing else). */
export function printJson(ctx: Pick<Output, 'secrets'>, document: unknown): void {
  process.stdout.write(`${ctx.secrets.scrub(JSON.stringify(document, null, 2))}\n`);
}

/** The hint line of an error, on stderr (none when there is no hint). */
export function printHint(hint: string | undefined): void {
  if (hint) process.stderr.write(`${t('hint: {{hint}}', { hint: visible(hint) })}\n`);
}

/** Finishes a step command: the JSON document, or for people the outcome and what to do. */
export function finishSteps(ctx: Output, result: CommandResult): number {
  if (ctx.output.json) {
    printJson(ctx, result);
  } else {
    for (const line of result.planned ?? []) ctx.print(t('would: {{action}}', { action: line }));
    if (result.error) {
      process.stderr.write(`${t('error: {{message}}', { message: visible(result.error.message) })}\n`);
      printHint(result.error.hint);
    } else {
      const outcome = result.changed ? t('ok, changed') : t('ok, nothing changed');
      // the words say whether it changed anything; scripts read "changed" from --json
      ctx.print(t('{{command}}: {{outcome}}', { command: result.command, outcome }));
    }
  }
  return result.error?.code ?? 0;
}
