import { anonymousListeners, isLoopback } from '../config/model.js';
import { holdsSecret } from '../config/redact.js';
import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, pass, warn } from './check.js';
import { type ConfigFacts, readConfig } from './shared.js';

export function judgeConfigSecurity(facts: ConfigFacts): CheckOutcome {
  const id = 'config.security';
  if (facts.state !== 'read') return warn(id, t('no readable config to check'), t('see config.valid'));
  if (holdsSecret(facts.text) && (facts.mode & 0o077) !== 0) {
    return fail(
      id,
      t('the config holds a password but its mode is {{mode}}: other apps can read it', {
        mode: facts.mode.toString(8),
      }),
      t('run: chmod 600 on the config (gate-mqtt writes it 0600)'),
    );
  }
  const open = anonymousListeners(facts.model).filter((l) => !isLoopback(l.bind));
  if (open.length) {
    const where = open.map((l) => `${l.bind ?? '0.0.0.0'}:${l.port}`).join(', ');
    return warn(
      id,
      t(
        'anonymous clients are allowed on {{where}}: anyone on this network can read and send every message (the factory default, meant for a trusted home LAN)',
        { where },
      ),
      t(
        'keep the gateway off untrusted networks and never forward this port on the router; to require a login on the LAN: gate-mqtt users add NAME --password-stdin, then gate-mqtt access set lan-login',
      ),
    );
  }
  return pass(id, t('no anonymous listener reachable from the network'));
}

export const configSecurity: CheckModule = {
  id: 'config.security',
  get title() {
    return t('config security');
  },
  run: async (env) => [judgeConfigSecurity(await readConfig(env))],
};
