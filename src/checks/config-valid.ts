import { formatIssue } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, pass } from './check.js';
import { type ConfigFacts, readConfig } from './shared.js';

/** No fix: a config that exists is the user's; `doctor --fix` never touches it. */
export function judgeConfigValid(facts: ConfigFacts, file: string): CheckOutcome {
  const id = 'config.valid';
  if (facts.state === 'missing') return fail(id, t('no config to check'), t('run: gate-mqtt doctor --fix'));
  if (facts.state === 'unreadable') {
    const detail = `${file}: ${facts.reason}`;
    return fail(id, detail, t('restore a backup (gate-mqtt config restore) or reset (gate-mqtt reset)'));
  }
  const errors = facts.model.issues.filter((i) => i.severity === 'error');
  if (errors[0]) {
    const issue = formatIssue(errors[0]);
    return fail(
      id,
      errors.length > 1 ? t('{{issue}} (and {{count}} more)', { issue, count: errors.length - 1 }) : issue,
      t('fix that line with gate-mqtt config edit, or restore a backup: gate-mqtt config restore'),
    );
  }
  const includes = facts.model.includeDirs.length
    ? `; ${t('include_dir not followed here: run gate-mqtt config validate on the device')}`
    : '';
  const warnings = facts.model.issues.filter((i) => i.severity === 'warning').length;
  const warned = warnings ? `; ${t('{{count}} warning(s): see gate-mqtt config validate', { count: warnings })}` : '';
  const listeners = t('{{count}} listener(s)', { count: facts.model.listeners.length });
  const bridges = t('{{count}} bridge(s)', { count: facts.model.bridges.length });
  const detail = `${listeners}, ${bridges}${includes}${warned}`;
  return pass(id, detail);
}

export const configValid: CheckModule = {
  id: 'config.valid',
  get title() {
    return t('config valid');
  },
  run: async (env) => [judgeConfigValid(await readConfig(env), env.profile.paths.configFile)],
};
