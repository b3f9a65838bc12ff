import { localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { PROCESS_NAME, parsePm2Probe } from '../pm2/process-list.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass } from './check.js';
import { probePm2 } from './shared.js';

/**
 * Brokers serving this config, from /proc (what this user may see): `pid=N start=TICKS` per broker and
 * the boot time, so the judge can say since when each runs.
 */
export function orphanProbe(configFile: string): string {
  return [
    `c=${shQuote(configFile)}`,
    // one grep over every command line finds the few that name the config; only those are read again
    'for f in $(grep -a -l -F -- "$c" /proc/[0-9]*/cmdline 2>/dev/null); do',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
    '  d=${f%/cmdline}',
    '  cmd=$(tr "\\0" " " < "$f" 2>/dev/null) || continue',
    '  case "$cmd" in',
    '    mosquitto\\ *"-c $c "*|*/mosquitto\\ *"-c $c "*)',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
    '      echo "broker pid=${d#/proc/} start=$(cut -d" " -f22 "$d/stat")";;',
    '  esac',
    'done',
    'echo "btime=$(grep "^btime" /proc/stat | cut -d" " -f2)"',
    'exit 0',
  ].join('\n');
}

/** The pid pm2 runs `mqtt` as, when it runs it (from the pm2 probe). */
function pm2BrokerPid(out: ProbeOutput): number | undefined {
  try {
    const mqtt = parsePm2Probe(out.output).find((p) => p.name === PROCESS_NAME);
    return mqtt?.pid ? mqtt.pid : undefined; // 0: pm2 runs no process for it now
  } catch {
    return undefined; // no daemon, or no list: every broker found is outside pm2
  }
}

export function judgeOrphans(brokers: ProbeOutput, pm2: ProbeOutput): CheckOutcome {
  const id = 'broker.orphan';
  const btime = Number(field(brokers.output, 'btime'));
  const managed = pm2BrokerPid(pm2);
  const orphans = [...brokers.output.matchAll(/^broker pid=(\d+) start=(\d+)$/gm)]
    .map((m) => ({ pid: Number(m[1]), start: Number(m[2]) }))
    .filter((b) => b.pid !== managed);
  if (orphans.length === 0)
    return pass(
      id,
      managed ? t("only pm2's broker (pid {{pid}}) serves this config", { pid: managed }) : t('no broker outside pm2'),
    );
  const one = (o: { pid: number; start: number }) =>
    Number.isFinite(btime)
      ? t('pid {{pid}} since {{time}}', { pid: o.pid, time: localTime(new Date((btime + o.start / 100) * 1000)) })
      : t('pid {{pid}}', { pid: o.pid });
  return fail(
    id,
    t('a broker outside pm2 serves this config ({{list}}): pm2 does not watch it and will not restart it', {
      list: orphans.map(one).join(', '),
      count: orphans.length,
    }),
    t('run: gate-mqtt doctor --fix (stops it and starts mqtt under pm2)', { count: orphans.length }),
  );
}

export const brokerOrphan: CheckModule = {
  id: 'broker.orphan',
  get title() {
    return t('no broker outside pm2');
  },
  run: async (env) => {
    const brokers = await env.prober.probe('orphans', orphanProbe(env.profile.paths.configFile));
    return [judgeOrphans(brokers, await probePm2(env))];
  },
  fix: 'start-broker',
};
