import { MOSQUITTO_FLOOR, parseMosquittoVersion } from '../mosquitto/binary.js';
import { atLeast } from '../run/versions.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass } from './check.js';
import { probeMosquitto } from './shared.js';

export function judgeMosquittoVersion(out: ProbeOutput): CheckOutcome {
  const version = parseMosquittoVersion(out.output);
  if (!version)
    return fail('mosquitto.version', 'cannot read the mosquitto version', 'reinstall it: pkg reinstall mosquitto');
  if (!atLeast(version, MOSQUITTO_FLOOR)) {
    return fail(
      'mosquitto.version',
      `${version} is older than ${MOSQUITTO_FLOOR}`,
      'upgrade it: pkg upgrade mosquitto',
    );
  }
  return pass('mosquitto.version', `${version} (floor ${MOSQUITTO_FLOOR})`);
}

export const mosquittoVersion: CheckModule = {
  id: 'mosquitto.version',
  title: 'mosquitto version',
  run: async (env) => [judgeMosquittoVersion(await probeMosquitto(env))],
  fix: 'install-broker',
};
