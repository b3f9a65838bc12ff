import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diffSummary } from '../config/diff.js';
import { decodeConfig, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import { serializeConfig } from '../config/parse.js';
import { redactConfig } from '../config/redact.js';
import type { Context } from '../context/context.js';
import { fromPackage } from '../fsx/backups.js';
import { readText } from '../fsx/read.js';
import { localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { badInput, errnoText, failed } from '../model/errors.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import type { ApplyPolicy } from '../tasks/apply.js';
import { describeIssues, lanListenerProblem, type ValidateOptions, validateCandidate } from '../tasks/validate.js';
import { finishSteps, printHint, printJson } from '../ui/print.js';

/** Reads a file the user hands us as a config candidate (exit 2 when it is not one). */
export async function readCandidate(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const why = errnoText((error as NodeJS.ErrnoException).code);
    throw badInput(t('cannot read {{file}}: {{why}}; nothing was changed', { file, why }), t('name a readable file'));
  }
  const decoded = decodeConfig(bytes);
  if (!decoded.ok)
    throw badInput(
      t('{{file}}:1: {{why}}; nothing was changed', { file, why: decoded.message }),
      t('a config is a UTF-8 text file'),
    );
  return decoded.text;
}

export async function configApply(ctx: Context, file: string, policy: ApplyPolicy = {}): Promise<number> {
  const source = path.resolve(file);
  const text = await readCandidate(source);
  const pipeline = PIPELINES['config apply'](ctx, { text, from: source, label: source, ...policy });
  return finishSteps(ctx, await runPipeline(ctx, pipeline));
}

export async function configShow(ctx: Context): Promise<number> {
  const file = ctx.profile.paths.configFile;
  const read = await readConfigFile(file);
  if (!read.ok && read.missing) throw badInput(read.message, t('write the factory config with: gate-mqtt provision'));
  if (!read.ok)
    throw failed(
      t('{{why}}: not a config that can be shown', { why: read.message }),
      t('restore a backup (gate-mqtt config restore) or reset (gate-mqtt reset)'),
    );
  const shown = redactConfig(read.text);
  const included = read.config.included.map((doc) => ({ file: doc.file, text: redactConfig(serializeConfig(doc)) }));
  if (ctx.output.json) {
    printJson(ctx, {
      command: 'config show',
      ok: true,
      changed: false,
      steps: [],
      error: null,
      file,
      text: shown,
      included,
    });
  } else {
    process.stdout.write(`# ${file}\n${ctx.secrets.scrub(shown)}${shown.endsWith('\n') ? '' : '\n'}`);
    for (const doc of included) process.stdout.write(`\n# ${doc.file} (include_dir)\n${ctx.secrets.scrub(doc.text)}\n`);
  }
  return 0;
}

/**
 * `config validate [FILE]`: errors (what stops mosquitto) make it invalid, exit 2 like `config apply` of
 * the same file; warnings (what mosquitto runs with, maybe not as meant) are listed and exit 0, unless
 * --strict. The gateway's LAN-listener policy is named as a warning: apply refuses such a config.
 */
export async function configValidate(
  ctx: Context,
  file: string | undefined,
  options: ValidateOptions = {},
): Promise<number> {
  const target = path.resolve(file ?? ctx.profile.paths.configFile);
  const validation = await validateCandidate(ctx, await readCandidate(target), target, options);
  const policy = lanListenerProblem(validation.config.model);
  const ok = validation.errors.length === 0;
  const how =
    validation.depth === 'trial'
      ? t('model and a trial start of mosquitto')
      : t('model only: mosquitto not found here');
  const policyNote = policy
    ? t('gate-mqtt config apply refuses it: {{why}} (--allow-local-only accepts it)', { why: policy })
    : undefined;
  if (ctx.output.json) {
    printJson(ctx, {
      command: 'config validate',
      ok,
      changed: false,
      file: target,
      depth: validation.depth,
      mosquitto: validation.brokerVersion ?? null,
      errors: validation.errors,
      warnings: validation.warnings,
      policy: policyNote ?? null,
      steps: [],
      error: ok ? null : { code: 2, message: describeIssues(validation.errors), hint: fixHint(target) },
    });
    return ok ? 0 : 2;
  }
  for (const issue of [...validation.errors, ...validation.warnings]) process.stderr.write(`${formatIssue(issue)}\n`);
  if (policyNote && ok) process.stderr.write(`${t('note: {{note}}', { note: policyNote })}\n`);
  const warnings = validation.warnings.length;
  const counted = warnings ? `, ${t('{{count}} warning(s)', { count: warnings })}` : '';
  if (ok) ctx.print(`${t('{{file}}: valid ({{how}})', { file: target, how })}${counted}`);
  else {
    const errors = t('{{count}} error(s)', { count: validation.errors.length });
    process.stderr.write(`${t('{{file}}: invalid: {{errors}}', { file: target, errors })}${counted}\n`);
    printHint(fixHint(target));
  }
  return ok ? 0 : 2;
}

const fixHint = (file: string) =>
  t('fix the lines named above, then check again: gate-mqtt config validate {{file}}', { file });

export async function configBackups(ctx: Context): Promise<number> {
  const store = ctx.writer.backups;
  const current = (await readText(ctx.profile.paths.configFile)) ?? '';
  const rows = [];
  for (const manifest of (await store.list()).reverse()) {
    const holdsConfig = manifest.entries.some((e) => e.source === ctx.profile.paths.configFile);
    const text = holdsConfig
      ? (await store.read(manifest, ctx.profile.paths.configFile).catch(() => undefined))?.toString('utf8')
      : undefined;
    rows.push({
      id: manifest.id,
      created: manifest.created,
      reason: manifest.reason,
      // a package's own config (set aside, or put back out of the way): restored only by its ID
      origin: fromPackage(manifest) ? ('package' as const) : ('user' as const),
      files: manifest.entries.length,
      vsCurrent: text === undefined ? t('no mosquitto.conf') : diffSummary(text, current),
    });
  }
  if (ctx.output.json) {
    printJson(ctx, { command: 'config backups', ok: true, changed: false, steps: [], error: null, backups: rows });
  } else if (rows.length === 0) {
    ctx.print(t('no backups yet'));
  } else {
    for (const row of rows) {
      const files = t('{{count}} file(s)', { count: row.files });
      const versus = t('current vs backup: {{diff}}', { diff: row.vsCurrent });
      const whose = row.origin === 'package' ? `  ${t("(the package's own config: restored only by its ID)")}` : '';
      const when = localTime(new Date(row.created));
      ctx.print(`${row.id}  ${when}  ${row.reason.padEnd(18)} ${files}  ${versus}${whose}`);
    }
  }
  return 0;
}

export async function configRestore(ctx: Context, id: string | undefined, policy: ApplyPolicy = {}): Promise<number> {
  const store = ctx.writer.backups;
  const file = ctx.profile.paths.configFile;
  const manifest = await store.find(file, id);
  const text = (await store.read(manifest, file)).toString('utf8');
  const pipeline = PIPELINES['config restore'](ctx, { text, from: t('backup {{id}}', { id: manifest.id }), ...policy });
  return finishSteps(ctx, await runPipeline(ctx, pipeline));
}
