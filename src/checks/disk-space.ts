import { formatNumber } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass, warn } from './check.js';

const MIN_FREE_KIB = 20 * 1024;

export function diskProbe(prefix: string): string {
  return `df -Pk ${shQuote(prefix)}`; // the judge reads the last line
}

export function judgeDisk(out: ProbeOutput): CheckOutcome {
  const id = 'disk.space';
  const columns = out.output.trim().split('\n').pop()?.split(/\s+/) ?? [];
  const free = Number(columns[3]);
  if (!Number.isFinite(free)) return warn(id, t('cannot read free space (df)'), t('run: df -h $PREFIX'));
  const mib = formatNumber(free / 1024);
  if (free < MIN_FREE_KIB)
    return fail(
      id,
      t('only {{mib}} MiB free: config writes and logs may fail', { mib }),
      t('free space: pm2 flush; clear old files in $PREFIX/var/log'),
    );
  return pass(id, t('{{mib}} MiB free', { mib }));
}

export const diskSpace: CheckModule = {
  id: 'disk.space',
  get title() {
    return t('disk space');
  },
  run: async (env) => [judgeDisk(await env.prober.probe('disk', diskProbe(env.profile.paths.prefix)))],
};
