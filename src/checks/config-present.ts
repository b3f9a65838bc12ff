import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, pass } from './check.js';
import { type ConfigFacts, readConfig } from './shared.js';

export function judgeConfigPresent(facts: ConfigFacts, file: string): CheckOutcome {
  const id = 'config.present';
  if (facts.state === 'missing') {
    return fail(
      id,
      t('{{file}} does not exist', { file }),
      t('run: gate-mqtt doctor --fix (writes the factory config)'),
    );
  }
  return pass(id, file);
}

export const configPresent: CheckModule = {
  id: 'config.present',
  get title() {
    return t('config present');
  },
  run: async (env) => [judgeConfigPresent(await readConfig(env), env.profile.paths.configFile)],
  fix: 'write-factory-config',
};
