import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../config/model.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { makeScratchDir } from '../fsx/scratch.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import type { ApplyPolicy } from '../tasks/apply.js';
import { validateCandidate } from '../tasks/validate.js';
import { finishSteps } from '../ui/print.js';
import { confirm, stdinIsTerminal } from '../ui/prompt.js';

/** $VISUAL, then $EDITOR, then vi; "code -w" style values are split into a program and its arguments. */
export function editorCommand(env: NodeJS.ProcessEnv, file: string): readonly [string, string[]] {
  const words = (env.VISUAL || env.EDITOR || 'vi').trim().split(/\s+/);
  return [words[0] ?? 'vi', [...words.slice(1), file]];
}

/** Edits a copy of the config; on errors offers to edit again; then applies it the safe way. */
export async function configEdit(ctx: Context, options: ApplyPolicy = {}): Promise<number> {
  if (!stdinIsTerminal()) throw badInput(t('config edit needs a terminal'), t('use: gate-mqtt config apply FILE'));
  const current = (await readText(ctx.profile.paths.configFile)) ?? '';
  const dir = await makeScratchDir(ctx.profile, 'edit');
  const copy = path.join(dir, 'mosquitto.conf');
  try {
    await writeFile(copy, current, { mode: 0o600 });
    for (;;) {
      // The user's own editor on the user's terminal: it gets the user's environment (TERM, locale).
      const code = await ctx.runner.interactive(editorCommand(process.env, copy), { ...process.env } as Record<
        string,
        string
      >);
      if (code !== 0)
        throw badInput(
          t('the editor exited with {{code}}; nothing was changed', { code: String(code) }),
          t('set VISUAL or EDITOR to an editor that works here (e.g. nano)'),
        );
      const edited = await readFile(copy, 'utf8');
      if (edited === current) {
        // Nothing to apply; the run still completes or undoes a change a killed run left (its preflight).
        const pipeline = PIPELINES['config edit'](ctx, { text: undefined, from: t('no changes in the editor') });
        return finishSteps(ctx, await runPipeline(ctx, pipeline));
      }
      const validation = await validateCandidate(ctx, edited, ctx.profile.paths.configFile);
      for (const issue of validation.warnings) process.stderr.write(`${formatIssue(issue)}\n`);
      if (validation.errors.length === 0) {
        const pipeline = PIPELINES['config edit'](ctx, { text: edited, from: t('the edited copy'), ...options });
        return finishSteps(ctx, await runPipeline(ctx, pipeline));
      }
      for (const issue of validation.errors) process.stderr.write(`${formatIssue(issue)}\n`);
      if (!(await confirm(t('The config has errors. Edit it again?'), true)))
        throw badInput(t('the edited config has errors; nothing was changed'), t('run gate-mqtt config edit again'));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
