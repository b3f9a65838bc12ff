import { t } from '../i18n/translate.js';
import { judgeExposure, listenerReach } from '../network/exposure.js';
import { parseAddressesProbe } from '../network/read-addresses.js';
import { type CheckModule, warn } from './check.js';
import { probeAddresses, readConfig } from './shared.js';

/**
 * "Local access only": which of the gateway's own addresses each listener answers on, and whether an
 * anonymous one answers on an address outside the local networks (an LTE modem's public IPv4, a global
 * IPv6 address: no NAT in front of it).
 */
export const networkExposure: CheckModule = {
  id: 'network.exposure',
  get title() {
    return t('network exposure');
  },
  run: async (env) => {
    const id = 'network.exposure';
    const [config, probe] = await Promise.all([readConfig(env), probeAddresses(env)]);
    if (config.state !== 'read') return [warn(id, t('no readable config to check'), t('see config.valid'))];
    if (probe.timedOut)
      return [warn(id, t("reading the gateway's addresses timed out"), t('run: gate-mqtt doctor again'))];
    const list = parseAddressesProbe(probe.output);
    const verdict = judgeExposure(listenerReach(config.model, list), list);
    return [{ id, status: verdict.status, detail: verdict.detail, hint: verdict.hint }];
  },
};
