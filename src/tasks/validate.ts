import { decodeConfig, errors, type LoadedConfig, loadConfigText } from '../config/load.js';
import { type ConfIssue, formatIssue } from '../config/model.js';
import { missingFiles } from '../config/referenced-files.js';
import type { Context } from '../context.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { trialStart } from '../mosquitto/trial.js';
import { makeScratchDir } from '../platform/scratch.js';

export interface Validation {
  config: LoadedConfig;
  issues: ConfIssue[];
  /** How far it was checked: the model only, or also a trial start of the real broker. */
  depth: 'model' | 'trial';
}

/** Checks a candidate config in two steps: the model (syntax, options, files it names), then a trial start. */
export async function validateCandidate(
  ctx: Context,
  text: string,
  file = ctx.profile.paths.configFile,
): Promise<Validation> {
  const decoded = decodeConfig(Buffer.from(text, 'utf8'));
  if (!decoded.ok) {
    const config = await loadConfigText('', file);
    return { config, issues: [{ file, line: 1, severity: 'error', message: decoded.message }], depth: 'model' };
  }
  const config = await loadConfigText(text, file);
  const issues = [...errors(config), ...(await missingFiles(config.entries))];
  if (issues.length) return { config, issues, depth: 'model' };
  const mosquitto = await findMosquitto(ctx.profile);
  if (!mosquitto) return { config, issues, depth: 'model' };
  const trial = await trialStart(ctx.runner, mosquitto, config.entries, await makeScratchDir(ctx.profile, 'trial'));
  return { config, issues: trial.ok ? [] : [trial.issue], depth: 'trial' };
}

/** The first issue, and how many more there are. */
export function describeIssues(issues: ConfIssue[]): string {
  const [first, ...rest] = issues;
  const more = rest.length ? ` (and ${rest.length} more: see gate-mqtt config validate)` : '';
  return `${first ? formatIssue(first) : 'invalid'}${more}`;
}
