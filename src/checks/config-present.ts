import { type CheckModule, type CheckOutcome, fail, pass } from './check.js';
import { type ConfigFacts, readConfig } from './shared.js';

export function judgeConfigPresent(facts: ConfigFacts, file: string): CheckOutcome {
  if (facts.state === 'missing') {
    return fail('config.present', `${file} does not exist`, 'run: gate-mqtt doctor --fix (writes the factory config)');
  }
  return pass('config.present', file);
}

export const configPresent: CheckModule = {
  id: 'config.present',
  title: 'config present',
  run: async (env) => [judgeConfigPresent(await readConfig(env), env.profile.paths.configFile)],
  fix: 'write-factory-config',
};
