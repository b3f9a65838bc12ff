import { readText } from '../fsx/read.js';
import { formatDuration, localTime } from '../i18n/format.js';
import { msg, t } from '../i18n/translate.js';

/** Why the keeper restarted the broker (the reasons its script writes). */
export type KeeperReason = 'broker-unanswered' | 'bridge-down' | 'database-set-aside';

const REASON_TEXT: Record<KeeperReason, string> = {
  'broker-unanswered': msg('the broker did not answer 3 checks in a row'),
  'bridge-down': msg('a bridge was down for 15 checks in a row'),
  'database-set-aside': msg('its database could not be restored and was moved into the backups'),
};

export function describeKeeperReason(reason: string): string {
  const text = REASON_TEXT[reason as KeeperReason];
  return text ? t(text) : reason;
}

/** What `status` shows of the keeper (JSON `keeper`). */
export interface KeeperReport {
  /** pm2's status of mqtt-keeper ("missing" when pm2 does not run it). */
  status: string;
  checkEvery: number | null;
  /** When it last checked (ISO time), from its state file. */
  lastCheck: string | null;
  lastRestart: { at: string; reason: string } | null;
  restartsLastHour: number;
  /** Bridges the broker reported down at the last check. */
  bridgesDown: string[];
}

const iso = (epoch: number) => new Date(epoch * 1000).toISOString();

/** The keeper's state file (key=value lines its script writes) as the report's facts. */
export function parseKeeperState(text: string, nowMs = Date.now()): Omit<KeeperReport, 'status'> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) values.set(line.slice(0, at), line.slice(at + 1));
  }
  const epoch = (text: string | undefined) => (text && /^\d{1,11}$/.test(text) ? Number(text) : undefined);
  const restarts = (values.get('restarts') ?? '')
    .split(' ')
    .map((entry) => epoch(entry.split(':')[0]))
    .filter((at): at is number => at !== undefined && nowMs / 1000 - at < 3600);
  const [lastAt, lastReason] = (values.get('last_restart') ?? '').split(':');
  const every = epoch(values.get('every'));
  const check = epoch(values.get('check'));
  const last = epoch(lastAt);
  return {
    checkEvery: every ?? null,
    lastCheck: check ? iso(check) : null,
    lastRestart: last && lastReason ? { at: iso(last), reason: lastReason } : null,
    restartsLastHour: restarts.length,
    bridgesDown: (values.get('bridges_down') ?? '').split(',').filter(Boolean),
  };
}

/** The keeper's state, read without following a link; undefined when it has not checked yet. */
export async function readKeeperState(file: string): Promise<Omit<KeeperReport, 'status'> | undefined> {
  const text = await readText(file).catch(() => undefined);
  return text === undefined ? undefined : parseKeeperState(text);
}

/** The keeper in one line for people: how often it checks, when it last did, its last restart and why. */
export function describeKeeper(report: KeeperReport, nowMs = Date.now()): string {
  const parts: string[] = [];
  if (report.checkEvery !== null) parts.push(t('checks every {{every}}', { every: formatDuration(report.checkEvery) }));
  if (report.lastCheck) {
    const ago = Math.max(0, Math.round((nowMs - Date.parse(report.lastCheck)) / 1000));
    parts.push(t('last check {{ago}} ago', { ago: formatDuration(ago) }));
  }
  if (report.lastRestart)
    parts.push(
      t('last restart {{time}}: {{why}}', {
        time: localTime(new Date(report.lastRestart.at)),
        why: describeKeeperReason(report.lastRestart.reason),
      }),
    );
  parts.push(t('{{count}} restart(s) in the last hour', { count: report.restartsLastHour }));
  if (report.bridgesDown.length) parts.push(t('bridges down: {{names}}', { names: report.bridgesDown.join(', ') }));
  return parts.join('; ');
}
