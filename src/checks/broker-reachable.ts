import { type RoundTripResult, roundTrip } from '../broker/round-trip.js';
import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, pass, warn } from './check.js';
import { brokerTarget, noTarget } from './shared.js';

/** From the technician's laptop: the broker must answer at the address the laptop reached the device at. */
export function judgeReachable(trip: RoundTripResult, host: string, port: number): CheckOutcome {
  const id = 'broker.reachable';
  if (trip.ok)
    return pass(id, t('{{host}}:{{port}} answers from this machine ({{ms}} ms)', { host, port, ms: trip.ms }));
  if (trip.refused)
    return pass(id, t('{{host}}:{{port}} answers from this machine (anonymous refused)', { host, port }));
  const judge = /ECONNREFUSED|closed/.test(trip.reason) ? fail : warn;
  return judge(
    id,
    t('{{host}}:{{port}} does not answer from this machine: {{reason}}', { host, port, reason: trip.reason }),
    t("check the listener binds 0.0.0.0 or the LAN address, and that this machine is on the gateway's LAN"),
  );
}

export const brokerReachable: CheckModule = {
  id: 'broker.reachable',
  get title() {
    return t('broker reachable from here');
  },
  appliesTo: (env) => env.remoteHost !== undefined,
  run: async (env) => {
    const at = await brokerTarget(env);
    const host = env.remoteHost;
    if (!at || !host) return [noTarget('broker.reachable')];
    return [judgeReachable(await roundTrip({ host, port: at.port, timeoutMs: 5000 }), host, at.port)];
  },
};
