import { localTime } from '../i18n/format.js';
import { msg, t } from '../i18n/translate.js';
import { describeKeeperReason } from './state.js';

/** What each event of the keeper's log means, for people (its script writes "EPOCH: event key=value"). */
const EVENTS: Record<string, string> = {
  started: msg('keeper started: a check every {{every}} s'),
  orphaned: msg("keeper ended: pm2's daemon that started it is gone"),
  'another-keeper': msg('keeper ended: another keeper of this gateway runs (pid {{pid}})'),
  'no-clients': msg('no mosquitto clients (mosquitto_sub) on the PATH: the broker cannot be checked'),
  'broker-unanswered': msg('the broker does not answer a round trip'),
  'broker-answers': msg('the broker answers again after {{count}} failed check(s)'),
  restart: msg('restarting the broker through pm2: {{reason}}'),
  'restart-failed': msg('pm2 could not restart the broker ({{reason}})'),
  'restart-limit': msg('not restarting the broker ({{reason}}): {{count}} restarts in the last hour is the limit'),
  'bridge-down': msg('bridges down: {{names}}'),
  'bridge-up': msg('bridges up again after {{count}} check(s)'),
  'bridge-restart-held': msg(
    'a bridge is still down; the broker was restarted for it at {{since}}, once an hour at most',
  ),
  'database-set-aside': msg('the database the broker could not restore was moved into the backups ({{backup}})'),
};

/** One keeper log line's text ("event key=value …") in words; a line it does not know is shown as it is. */
export function describeKeeperEvent(text: string): string {
  const [event = '', ...pairs] = text.split(' ');
  const template = EVENTS[event];
  if (!template) return text;
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at > 0) values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (values.after) values.count = values.after; // the plural follows it
  if (values.reason) values.reason = describeKeeperReason(values.reason);
  if (values.names) values.names = values.names.split(',').join(', ');
  if (values.since && /^\d+$/.test(values.since)) values.since = localTime(new Date(Number(values.since) * 1000));
  return t(template, values);
}
