import { t } from '../i18n/translate.js';
import { MOSQUITTO_DEFAULT_PORT } from './model.js';
import { nextWord, trimBlanks } from './parse.js';

/**
 * How mosquitto 2.0.11 reads a value (src/conf.c): each reader returns what mosquitto would store, the
 * error mosquitto would stop with, or a warning where it runs but not as the text suggests.
 */
export interface Read<T> {
  value?: T;
  error?: string;
  warning?: string;
}

/** C's atoi: leading white space, an optional sign, digits; anything else ends it (0 when none). Wraps like glibc. */
export function atoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(text);
  const digits = match?.[2] ?? '';
  if (!digits) return 0;
  let big = BigInt(digits) * (match?.[1] === '-' ? -1n : 1n);
  const LONG_MAX = 2n ** 63n - 1n;
  if (big > LONG_MAX) big = LONG_MAX;
  if (big < -LONG_MAX - 1n) big = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, big));
}

/** The words after the first one, when they are not just a comment (mosquitto ignores them either way). */
function ignoredTail(after: string, name: string, read: string): string | undefined {
  const tail = trimBlanks(after);
  if (!tail) return undefined;
  return t('{{name}} reads only "{{read}}": mosquitto ignores the rest of the line ("{{tail}}")', { name, read, tail });
}

export function readBool(name: string, rest: string): Read<boolean> {
  const { word, after } = nextWord(rest);
  if (word === undefined) return { error: t('{{name}} needs a value (true or false)', { name }) };
  if (word === 'true' || word === '1') return { value: true, warning: ignoredTail(after, name, word) };
  if (word === 'false' || word === '0') return { value: false, warning: ignoredTail(after, name, word) };
  return { error: t('{{name}} must be true or false (or 1 or 0), not "{{word}}"', { name, word }) };
}

export function readInt(name: string, rest: string): Read<number> {
  const { word, after } = nextWord(rest);
  if (word === undefined) return { error: t('{{name}} needs a value', { name }) };
  const value = atoi(word);
  const loose =
    String(value) !== word.replace(/^\+/, '')
      ? t('{{name}} "{{word}}" is read as {{value}}', { name, word, value })
      : undefined;
  const tail = ignoredTail(after, name, word);
  return { value, warning: [loose, tail].filter(Boolean).join('; ') || undefined };
}

/** The first word, for options with a set of words (log_type, protocol, …); `undefined` when none. */
export function readWord(name: string, rest: string): Read<string | undefined> {
  const { word, after } = nextWord(rest);
  return { value: word, warning: word === undefined ? undefined : ignoredTail(after, name, word) };
}

const CONTROL_OR_BAD = /[\u0000-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/;

/** The rest of the line, trimmed: a string or a path ("# …" after it is part of it). */
export function readString(name: string, rest: string): Read<string> {
  const value = trimBlanks(rest);
  if (!value) return { error: t('{{name}} needs a value', { name }) };
  if (Buffer.byteLength(value) > 65535) return { error: t('{{name}} is longer than 65535 bytes', { name }) };
  if (CONTROL_OR_BAD.test(value) || value.includes('\ufffd')) {
    return {
      error: t('{{name}}: the value holds a tab or another control character (mosquitto: "Malformed UTF-8")', { name }),
    };
  }
  const comment = / #/.test(value)
    ? t('{{name}} is "{{value}}": mosquitto has no comments after a value', { name, value })
    : undefined;
  return { value, warning: comment };
}

export interface Address {
  host: string;
  port: number;
}

/** `address`: words up to one that starts with "#"; each HOST[:PORT], split at the last ":" (no port: 1883). */
export function readAddresses(rest: string): Read<Address[]> {
  const list: Address[] = [];
  for (const word of rest.split(' ').filter(Boolean)) {
    if (word.startsWith('#')) break;
    const colon = word.lastIndexOf(':');
    if (colon === -1) {
      list.push({ host: word, port: MOSQUITTO_DEFAULT_PORT });
      continue;
    }
    const port = atoi(word.slice(colon + 1));
    if (port < 1 || port > 65535)
      return { error: t('address "{{address}}": the port must be 1-65535', { address: word }) };
    list.push({ host: word.slice(0, colon), port });
  }
  if (list.length === 0) return { error: t('address needs at least one HOST[:PORT]') };
  const ipv6 = list.find((a) => a.host.includes(':') && !a.host.startsWith('['));
  const warning = ipv6
    ? t('address "{{address}}": an IPv6 address without a port is split at its last ":"', {
        address: `${ipv6.host}:${ipv6.port}`,
      })
    : undefined;
  return { value: list, warning };
}

/** `restart_timeout BASE [CAP]`: the second word is not read as a comment. */
export function readRestartTimeout(rest: string): Read<[number, number | undefined]> {
  const first = nextWord(rest);
  if (first.word === undefined) return { error: t('restart_timeout needs a value') };
  const base = Math.max(1, atoi(first.word));
  const second = nextWord(first.after).word;
  if (second === undefined) return { value: [base, undefined] };
  const cap = atoi(second);
  if (cap < base)
    return {
      error: t('restart_timeout: the cap ({{cap}}, read as {{read}}) is lower than the base {{base}}', {
        cap: second,
        read: cap,
        base,
      }),
    };
  return { value: [base, cap] };
}

/** Topic levels: "+" fills a whole level, "#" is last and fills a whole level; at most 65535 bytes, 200 "/". */
export function validSubscription(topic: string): boolean {
  if (Buffer.byteLength(topic) > 65535 || (topic.match(/\//g) ?? []).length > 200) return false;
  const levels = topic.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1;
    return !level.includes('+') || level === '+';
  });
}

export const validPublishTopic = (topic: string) =>
  !/[+#]/.test(topic) && Buffer.byteLength(topic) <= 65535 && (topic.match(/\//g) ?? []).length <= 200;

/** `topic PATTERN [in|out|both [QOS [LOCAL_PREFIX [REMOTE_PREFIX]]]]` as mosquitto 2.0.11 reads it. */
export function readTopic(rest: string): Read<{ pattern: string; direction: string; qos: number }> {
  const [pattern, direction, qosWord, local, remote] = rest.split(' ').filter(Boolean);
  if (pattern === undefined) return { error: t('topic needs a pattern') };
  const dir = (direction ?? 'out').toLowerCase();
  if (!['in', 'out', 'both'].includes(dir)) {
    const error = direction?.startsWith('#')
      ? t('topic direction must be in, out or both, not "{{direction}}" (no comment may follow the pattern)', {
          direction,
        })
      : t('topic direction must be in, out or both, not "{{direction}}"', { direction: String(direction) });
    return { error };
  }
  let qos = 0;
  let swallowed = false;
  if (qosWord !== undefined) {
    if (qosWord.startsWith('#')) swallowed = true;
    else {
      qos = atoi(qosWord) & 0xff; // uint8_t
      if (qos > 2) return { error: t('topic qos must be 0, 1 or 2, not "{{qos}}"', { qos: qosWord }) };
    }
  }
  const prefix = (word: string | undefined) =>
    swallowed || word === undefined || word === '""' || word.startsWith('#') ? undefined : word;
  const localPrefix = prefix(local);
  if (local?.startsWith('#')) swallowed = true;
  const remotePrefix = prefix(remote);
  const empty = pattern === '""' ? '' : pattern;
  if (localPrefix !== undefined && !validPublishTopic(localPrefix))
    return { error: t('topic: invalid local prefix "{{prefix}}"', { prefix: localPrefix }) };
  if (remotePrefix !== undefined && !validPublishTopic(remotePrefix))
    return { error: t('topic: invalid remote prefix "{{prefix}}"', { prefix: remotePrefix }) };
  if (empty === '' && (localPrefix === undefined || remotePrefix === undefined)) {
    return { error: t('topic "" (an empty pattern) needs both a local and a remote prefix') };
  }
  for (const value of [localPrefix, remotePrefix]) {
    if (value !== undefined && !validSubscription(`${value}${empty}`)) {
      return {
        error: t('topic: the prefix and pattern "{{filter}}" do not make a valid topic filter', {
          filter: `${value}${empty}`,
        }),
      };
    }
  }
  return { value: { pattern: empty, direction: dir, qos } };
}
