import type { Bridge } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass } from './check.js';
import { brokerTarget, clientArgs, readConfig } from './shared.js';

export function bridgeStateProbe(host: string, port: number, count: number, log: string): string {
  return [
    `mosquitto_sub ${clientArgs(host, port)} -v -t '$SYS/broker/connection/+/state' -C ${count} -W 3`,
    'echo "--log--"',
    `tail -n 400 ${shQuote(log)} 2>/dev/null | grep -i -E 'bridge|connecting|socket error' | tail -n 20`,
    'exit 0',
  ].join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One outcome per bridge, from `$SYS/broker/connection/<clientid>/state` (1 = connected) and the broker log. */
export function judgeBridges(out: ProbeOutput, bridges: Bridge[]): CheckOutcome[] {
  const [states = '', log = ''] = out.output.split('--log--');
  return bridges.map((bridge) => {
    const id = `bridge.${bridge.name}` as const;
    const topic = new RegExp(`^\\$SYS/broker/connection/(?:[^/ ]*\\.)?${escapeRegExp(bridge.name)}/state `);
    const state = states
      .split('\n')
      .find((l) => topic.test(l))
      ?.trim()
      .split(' ')
      .pop();
    const lastLog = log
      .split('\n')
      .filter((l) => l.includes(bridge.name) || /socket error|connection refused/i.test(l))
      .pop()
      ?.replace(/^\d+: /, '');
    const addresses = bridge.addresses.join(' ');
    if (state === '1') return pass(id, t('connected to {{addresses}}', { addresses }));
    const what =
      state === undefined
        ? t('not connected to {{addresses}} (no state published yet)', { addresses })
        : t('not connected to {{addresses}}', { addresses });
    const detail = lastLog ? `${what}; ${t('log: {{line}}', { line: lastLog })}` : what;
    return fail(
      id,
      detail,
      t('check the address, the remote user and password, bridge_cafile, and that the gateway reaches the internet'),
    );
  });
}

export const bridgesCheck: CheckModule = {
  id: 'bridge',
  get title() {
    return t('bridges');
  },
  run: async (env) => {
    const facts = await readConfig(env);
    const bridges = facts.state === 'read' ? facts.model.bridges : [];
    const at = await brokerTarget(env);
    if (bridges.length === 0 || !at) return [];
    const probe = bridgeStateProbe(at.host, at.port, bridges.length, env.profile.paths.brokerLog);
    return judgeBridges(await env.prober.probe('bridges', probe, 10_000), bridges);
  },
};
