import {
  type DbState,
  type DbVerdict,
  judgeDatabase,
  LOG_PATTERN,
  type Persistence,
  persistenceOf,
} from '../config/persistence.js';
import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';
import { readConfig } from './shared.js';

/**
 * The database's kind, size and first bytes (hex), never through a link planted at its name (as the
 * config probe), and the broker log's lines about restoring it.
 */
export function persistenceProbe(file: string, log: string): string {
  return [
    `f=${shQuote(file)}`,
    'echo "now=$(date +%s)"',
    'if [ -L "$f" ]; then echo db=link',
    'elif [ ! -e "$f" ]; then echo db=missing',
    'elif [ ! -f "$f" ]; then echo db=other',
    'elif h=$(od -An -tx1 -N 15 < "$f" 2>/dev/null); then',
    '  echo "size=$(wc -c < "$f" | tr -d " ")"; echo "head=$(echo $h | tr -d " ")"',
    'else echo db=unreadable; fi',
    `tail -n 300 ${shQuote(log)} 2>/dev/null | grep -E ${shQuote(LOG_PATTERN)} | tail -n 20 | sed 's/^/log=/'`,
    'exit 0',
  ].join('\n');
}

/** What the probe saw at the database's path. */
export function dbStateOf(out: ProbeOutput): DbState {
  const kind = field(out.output, 'db');
  if (kind === 'link' || kind === 'missing' || kind === 'other' || kind === 'unreadable') return { kind };
  const size = Number(field(out.output, 'size'));
  const head = field(out.output, 'head') ?? '';
  if (!Number.isFinite(size) || !/^([0-9a-f]{2})*$/.test(head)) return { kind: 'unreadable' };
  return { kind: 'file', size, head: Buffer.from(head, 'hex') };
}

const ID = 'broker.persistence';
const HINT = () => t('gate-mqtt doctor --fix moves it into the backups and starts the broker');

/** The verdict as the doctor's outcome. */
export function persistenceOutcome(verdict: DbVerdict): CheckOutcome {
  switch (verdict.state) {
    case 'off':
      return pass(ID, t('persistence off'));
    case 'absent':
      return pass(ID, t('{{file}} does not exist yet (mosquitto writes it)', { file: verdict.file }));
    case 'good':
      return pass(ID, t('{{file}}, {{count}} byte(s)', { file: verdict.file, count: verdict.size }));
    case 'unknown':
      return warn(ID, verdict.why, verdict.hint);
    case 'bad':
      return fail(ID, t('{{file}}: {{why}}', { file: verdict.file, why: verdict.why }), HINT());
  }
}

/** Pure: the config's persistence, the probe's output. */
export function judgePersistence(where: Persistence, out: ProbeOutput): CheckOutcome {
  if (where.on && (out.timedOut || out.exitCode !== 0))
    return warn(
      ID,
      out.timedOut ? t('timed out') : t('{{file}} cannot be read', { file: where.file }),
      t('run again with --verbose'),
    );
  const log = out.output
    .split('\n')
    .filter((line) => line.startsWith('log='))
    .map((line) => line.slice(4));
  const now = Number(field(out.output, 'now') ?? Date.now() / 1000);
  return persistenceOutcome(judgeDatabase(where, dbStateOf(out), log, now));
}

export const brokerPersistence: CheckModule = {
  id: 'broker.persistence',
  get title() {
    return t('persistence database');
  },
  run: async (env) => {
    const facts = await readConfig(env);
    if (facts.state !== 'read')
      return [warn(ID, t('no readable config to check'), t('see config.present and config.valid'))];
    // pm2 starts the broker in HOME: relative paths of the config are relative to it.
    const where = persistenceOf(facts.model, env.profile.paths.home);
    if (!where.on) return [persistenceOutcome({ state: 'off' })];
    const out = await env.prober.probe('persistence', persistenceProbe(where.file, env.profile.paths.brokerLog));
    return [judgePersistence(where, out)];
  },
  fix: 'set-aside-database',
};
