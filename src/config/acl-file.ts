import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

/**
 * The ACL file gate-mqtt manages (mosquitto 2.0's acl_file): lines written by hand are kept as they are,
 * and our block goes at the end, one `user` section per user of the password file, so a hand-written
 * section never takes our lines as its own. A user no `users allow` has named yet may use every topic
 * (`topic readwrite #`, marked so it is ours); `users allow` narrows it to the patterns named; `deny`
 * lines take topics out (mosquitto 2.0 checks them before the allows).
 */

export type TopicAccess = 'read' | 'write' | 'readwrite' | 'deny';

export interface TopicRule {
  access: TopicAccess;
  topic: string;
}

export interface AclFile {
  /** Every line outside our block, in order. */
  hand: string[];
  /** Each user's rules, in the order they were given; an empty list: every topic. */
  users: Map<string, TopicRule[]>;
}

const BEGIN = '# BEGIN gate-mqtt users (gate-mqtt users allow/deny writes this block; edit above it)';
const END = '# END gate-mqtt users';
const EVERY = '# every topic until gate-mqtt users allow names some';
const ACCESS = new Set<string>(['read', 'write', 'readwrite', 'deny']);

export function parseAcl(text: string | undefined): AclFile {
  const hand: string[] = [];
  const users = new Map<string, TopicRule[]>();
  let inside = false;
  let user: string | undefined;
  let every = false;
  for (const line of (text ?? '').split('\n')) {
    if (line === BEGIN) inside = true;
    else if (line === END) inside = false;
    else if (!inside) hand.push(line);
    else if (line === EVERY) every = true;
    else if (line.startsWith('user ')) {
      user = line.slice(5);
      users.set(user, []);
    } else if (line.startsWith('topic ') && user !== undefined) {
      const [access, ...topic] = line.slice(6).split(' ');
      if (every && access === 'readwrite' && topic.join(' ') === '#') every = false;
      else if (access && ACCESS.has(access))
        users.get(user)!.push({ access: access as TopicAccess, topic: topic.join(' ') });
    }
  }
  while (hand.length && hand[hand.length - 1] === '') hand.pop();
  return { hand, users };
}

export function renderAcl(acl: AclFile): string {
  const block = [BEGIN];
  for (const [user, rules] of [...acl.users].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    block.push(`user ${user}`);
    if (!rules.some((rule) => rule.access !== 'deny')) block.push(EVERY, 'topic readwrite #');
    for (const rule of rules) block.push(`topic ${rule.access} ${rule.topic}`);
  }
  block.push(END);
  return `${[...acl.hand, ...(acl.hand.length ? [''] : []), ...block].join('\n')}\n`;
}

/** The users of the password file, each with a section (kept rules; a new user: every topic). */
export function withUsers(acl: AclFile, names: readonly string[]): AclFile {
  const users = new Map<string, TopicRule[]>();
  for (const name of names) users.set(name, acl.users.get(name) ?? []);
  return { hand: acl.hand, users };
}

/** One rule given to a user: an allow replaces the user's allow of the same topic in place, a deny its deny. */
export function withRule(acl: AclFile, user: string, rule: TopicRule): AclFile {
  const isDeny = rule.access === 'deny';
  const rules = acl.users.get(user) ?? [];
  const at = rules.findIndex((r) => r.topic === rule.topic && (r.access === 'deny') === isDeny);
  const users = new Map(acl.users);
  users.set(user, at === -1 ? [...rules, rule] : rules.map((r, i) => (i === at ? rule : r)));
  return { hand: acl.hand, users };
}

/** An MQTT topic filter mosquitto reads from one ACL line: no spaces, '+' and '#' as whole levels, '#' last. */
export function checkTopic(topic: string): string {
  const levels = topic.split('/');
  const bad =
    topic === '' ||
    topic.length > 256 ||
    /[\s\u0000-\u001f\u007f]/.test(topic) ||
    levels.some(
      (level, i) =>
        (level.includes('#') && (level !== '#' || i !== levels.length - 1)) || (level.includes('+') && level !== '+'),
    );
  if (bad)
    throw badInput(
      t('--topic "{{topic}}" is not a topic filter mosquitto can read from an ACL line; nothing was changed', {
        topic,
      }),
      t("levels separated by /, no spaces; + and # only as a whole level, # last: e.g. --topic 'home/+/temp'"),
    );
  return topic;
}
