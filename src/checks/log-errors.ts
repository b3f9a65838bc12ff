import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, field, type ProbeOutput, pass, warn } from './check.js';

export function logProbe(log: string): string {
  return `echo "now=$(date +%s)"\ntail -n 300 ${shQuote(log)} 2>/dev/null | grep -E 'error:|Error' | tail -n 5\nexit 0`;
}

/** Error lines of the last hour (mosquitto stamps lines with epoch seconds); older ones are history. */
export function judgeLog(out: ProbeOutput): CheckOutcome {
  const id = 'log.errors';
  const now = Number(field(out.output, 'now') ?? 0);
  const errors = out.output.split('\n').filter((l) => /Error|error:/.test(l) && !l.startsWith('now='));
  const recent = errors.filter((l) => {
    const stamp = Number(/^(\d+):/.exec(l)?.[1]);
    return !Number.isFinite(stamp) || now - stamp < 3600;
  });
  const last = recent[recent.length - 1];
  if (last) {
    return warn(
      id,
      t('{{count}} error line(s) in the last hour; last: {{line}}', {
        count: recent.length,
        line: last.replace(/^\d+: /, ''),
      }),
      t('read them: gate-mqtt logs -n 50'),
    );
  }
  return pass(id, errors.length ? t('no errors in the last hour') : t('no errors in the broker log'));
}

export const logErrors: CheckModule = {
  id: 'log.errors',
  get title() {
    return t('broker log');
  },
  run: async (env) => [judgeLog(await env.prober.probe('log', logProbe(env.profile.paths.brokerLog)))],
};
