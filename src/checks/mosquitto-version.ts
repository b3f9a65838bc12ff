import { t } from '../i18n/translate.js';
import { MOSQUITTO_FLOOR, parseMosquittoVersion } from '../mosquitto/binary.js';
import { atLeast } from '../run/versions.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass } from './check.js';
import { probeMosquitto } from './shared.js';

export function judgeMosquittoVersion(out: ProbeOutput): CheckOutcome {
  const id = 'mosquitto.version';
  const version = parseMosquittoVersion(out.output);
  if (!version) return fail(id, t('cannot read the mosquitto version'), t('reinstall it: pkg reinstall mosquitto'));
  if (!atLeast(version, MOSQUITTO_FLOOR)) {
    return fail(
      id,
      t('{{version}} is older than {{floor}}', { version, floor: MOSQUITTO_FLOOR }),
      t('upgrade it: pkg upgrade mosquitto'),
    );
  }
  return pass(id, t('{{version}} (floor {{floor}})', { version, floor: MOSQUITTO_FLOOR }));
}

export const mosquittoVersion: CheckModule = {
  id: 'mosquitto.version',
  get title() {
    return t('mosquitto version');
  },
  run: async (env) => [judgeMosquittoVersion(await probeMosquitto(env))],
  fix: 'install-broker',
};
