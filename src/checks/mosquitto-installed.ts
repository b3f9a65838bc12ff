import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass } from './check.js';
import { probeMosquitto } from './shared.js';

export function judgeMosquittoInstalled(out: ProbeOutput): CheckOutcome {
  const id = 'mosquitto.installed';
  const path = /^path=(.+)$/m.exec(out.output)?.[1];
  if (out.exitCode === 0 && path) return pass(id, path);
  return fail(id, t('mosquitto is not installed'), t('run: gate-mqtt provision (or: pkg install mosquitto)'));
}

export const mosquittoInstalled: CheckModule = {
  id: 'mosquitto.installed',
  get title() {
    return t('mosquitto installed');
  },
  run: async (env) => [judgeMosquittoInstalled(await probeMosquitto(env))],
  fix: 'install-broker',
};
