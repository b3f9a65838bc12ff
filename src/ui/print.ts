import type { Context } from '../context.js';
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
    for (const line of result.planned ?? []) ctx.print(`would: ${line}`);
    if (result.error) {
      process.stderr.write(`error: ${result.error.message}\n`);
      if (result.error.hint) process.stderr.write(`hint: ${result.error.hint}\n`);
    } else {
      ctx.print(
        `${result.command}: ok, ${result.changed ? 'changed' : 'nothing changed'} (changed: ${result.changed})`,
      );
    }
  }
  return result.error?.code ?? 0;
}
