import { t } from '../i18n/translate.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass, warn } from './check.js';
import { brokerTarget, clientFailure, noTarget, probeBrokerTrip } from './shared.js';

/** From the broker probe (shared with broker.roundtrip): did anything MQTT answer at all? */
export function judgeListening(out: ProbeOutput, host: string, port: number): CheckOutcome {
  const id = 'broker.listening';
  if (out.exitCode === 127 && /no-client/.test(out.output)) {
    return warn(
      id,
      t('the mosquitto clients are not installed: cannot check'),
      t('install them: pkg install mosquitto'),
    );
  }
  if (out.exitCode === 0) return pass(id, t('{{host}}:{{port}} answers', { host, port }));
  if (/not authori[sz]ed|bad user/i.test(out.output))
    return pass(id, t('{{host}}:{{port}} answers (anonymous clients refused)', { host, port }));
  if (/timed out|timeout/i.test(out.output) && !/refused/i.test(out.output)) {
    return pass(
      id,
      t('{{host}}:{{port}} accepts connections (the round trip did not come back: see broker.roundtrip)', {
        host,
        port,
      }),
    );
  }
  const detail = out.timedOut
    ? t('nothing answers on {{host}}:{{port}} (timed out)', { host, port })
    : t('nothing answers on {{host}}:{{port}}: {{output}}', {
        host,
        port,
        output: clientFailure(out.output),
      });
  return fail(id, detail, t('check pm2.process and log.errors; run: gate-mqtt doctor --fix'));
}

export const brokerListening: CheckModule = {
  id: 'broker.listening',
  get title() {
    return t('broker listening');
  },
  run: async (env) => {
    const at = await brokerTarget(env);
    if (!at) return [noTarget('broker.listening')];
    return [judgeListening(await probeBrokerTrip(env, at), at.host, at.port)];
  },
  fix: 'start-broker',
};
