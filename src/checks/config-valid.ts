import { formatIssue } from '../config/model.js';
import { type CheckModule, type CheckOutcome, fail, pass } from './check.js';
import { type ConfigFacts, readConfig } from './shared.js';

/** No fix: a config that exists is the user's; `doctor --fix` never touches it. */
export function judgeConfigValid(facts: ConfigFacts, file: string): CheckOutcome {
  const id = 'config.valid';
  if (facts.state === 'missing') return fail(id, 'no config to check', 'run: gate-mqtt doctor --fix');
  if (facts.state === 'unreadable') {
    return fail(
      id,
      `${file}: ${facts.reason}`,
      'restore a backup (gate-mqtt config restore) or reset (gate-mqtt reset)',
    );
  }
  const errors = facts.model.issues.filter((i) => i.severity === 'error');
  if (errors[0]) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return fail(
      id,
      `${formatIssue(errors[0])}${more}`,
      'fix that line with gate-mqtt config edit, or restore a backup: gate-mqtt config restore',
    );
  }
  const includes = facts.model.includeDirs.length
    ? '; include_dir not followed here: run gate-mqtt config validate on the device'
    : '';
  const warnings = facts.model.issues.filter((i) => i.severity === 'warning').length;
  const warned = warnings ? `; ${warnings} warning(s): see gate-mqtt config validate` : '';
  return pass(
    id,
    `${facts.model.listeners.length} listener(s), ${facts.model.bridges.length} bridge(s)${includes}${warned}`,
  );
}

export const configValid: CheckModule = {
  id: 'config.valid',
  title: 'config valid',
  run: async (env) => [judgeConfigValid(await readConfig(env), env.profile.paths.configFile)],
};
