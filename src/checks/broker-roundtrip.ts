import { randomBytes } from 'node:crypto';
import { quote } from 'zx';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';
import { brokerTarget, clientArgs, NO_CLIENT, noTarget } from './shared.js';

export function roundTripProbe(host: string, port: number, topic: string, payload: string): string {
  const args = clientArgs(host, port);
  const t = quote(topic);
  // A retained message needs no race between subscribing and publishing; it is cleared afterwards.
  return [
    NO_CLIENT,
    `mosquitto_pub ${args} -q 1 -r -t ${t} -m ${quote(payload)} || exit $?`,
    `out=$(mosquitto_sub ${args} -q 1 -t ${t} -C 1 -W 5 2>&1); rc=$?`,
    `mosquitto_pub ${args} -q 1 -r -n -t ${t}`,
    'echo "got=$out"; exit $rc',
  ].join('\n');
}

export function judgeRoundTrip(out: ProbeOutput, payload: string): CheckOutcome {
  const id = 'broker.roundtrip';
  if (out.exitCode === 127 && /no-client/.test(out.output)) {
    return warn(id, 'mosquitto_pub/sub are not installed: cannot check', 'install the clients: pkg install mosquitto');
  }
  if (out.exitCode === 0 && field(out.output, 'got') === payload) return pass(id, `publish/subscribe in ${out.ms} ms`);
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
    const payload = randomBytes(6).toString('hex');
    const probe = roundTripProbe(at.host, at.port, `gate-mqtt/doctor/${payload}`, payload);
    return [judgeRoundTrip(await env.prober.probe('roundtrip', probe, 15_000), payload)];
  },
  fix: 'start-broker',
};
