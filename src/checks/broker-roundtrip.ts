import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';
import { brokerTarget, noTarget, probeBrokerTrip } from './shared.js';

export function judgeRoundTrip(out: ProbeOutput, payload: string): CheckOutcome {
  const id = 'broker.roundtrip';
  if (out.exitCode === 127 && /no-client/.test(out.output)) {
    return warn(id, 'the mosquitto clients are not installed: cannot check', 'install them: pkg install mosquitto');
  }
  if (out.exitCode === 0 && field(out.output, 'got') === payload) {
    return pass(id, 'a message published to a fresh topic came back to its subscriber');
  }
  if (/not authori[sz]ed/i.test(out.output)) {
    return warn(
      id,
      'the broker refuses anonymous clients: no round trip without credentials',
      'test with your own user: mosquitto_sub -u USER -P ...',
    );
  }
  const why = out.timedOut ? ' (timed out)' : `: ${out.output.trim().split('\n').slice(-1)[0] ?? ''}`;
  return fail(id, `no round trip${why}`, 'run: gate-mqtt doctor --fix; if it persists: gate-mqtt reset');
}

export const brokerRoundTrip: CheckModule = {
  id: 'broker.roundtrip',
  title: 'publish/subscribe round trip',
  run: async (env) => {
    const at = await brokerTarget(env);
    if (!at) return [noTarget('broker.roundtrip')];
    return [judgeRoundTrip(await probeBrokerTrip(env, at), env.token)];
  },
  fix: 'start-broker',
};
