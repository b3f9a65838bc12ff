import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass } from './check.js';
import { probeMosquitto } from './shared.js';

export function judgeMosquittoInstalled(out: ProbeOutput): CheckOutcome {
  const path = /^path=(.+)$/m.exec(out.output)?.[1];
  if (out.exitCode === 0 && path) return pass('mosquitto.installed', path);
  return fail(
    'mosquitto.installed',
    'mosquitto is not installed',
    'run: gate-mqtt provision (or: pkg install mosquitto)',
  );
}

export const mosquittoInstalled: CheckModule = {
  id: 'mosquitto.installed',
  title: 'mosquitto installed',
  run: async (env) => [judgeMosquittoInstalled(await probeMosquitto(env))],
  fix: 'install-broker',
};
