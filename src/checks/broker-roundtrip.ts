import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';
import { brokerTarget, clientFailure, noTarget, probeBrokerTrip } from './shared.js';

export function judgeRoundTrip(out: ProbeOutput, payload: string): CheckOutcome {
  const id = 'broker.roundtrip';
  if (out.exitCode === 127 && /no-client/.test(out.output)) {
    return warn(
      id,
      t('the mosquitto clients are not installed: cannot check'),
      t('install them: pkg install mosquitto'),
    );
  }
  if (out.exitCode === 0 && field(out.output, 'got') === payload) {
    return pass(id, t('a message published to a fresh topic came back to its subscriber'));
  }
  if (/not authori[sz]ed/i.test(out.output)) {
    return warn(
      id,
      t('the broker refuses anonymous clients: no round trip without credentials'),
      t('test with your own user: mosquitto_sub -u USER -P ...'),
    );
  }
  const detail = out.timedOut
    ? t('no round trip (timed out)')
    : t('no round trip: {{output}}', { output: clientFailure(out.output) });
  return fail(id, detail, t('run: gate-mqtt doctor --fix; if it persists: gate-mqtt reset'));
}

export const brokerRoundTrip: CheckModule = {
  id: 'broker.roundtrip',
  get title() {
    return t('publish/subscribe round trip');
  },
  run: async (env) => {
    const at = await brokerTarget(env);
    if (!at) return [noTarget('broker.roundtrip')];
    return [judgeRoundTrip(await probeBrokerTrip(env, at), env.token)];
  },
  fix: 'start-broker',
};
