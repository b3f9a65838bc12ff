import { t } from '../i18n/translate.js';
import { validSubscription } from './readers.js';

/** What mosquitto 2.0.11 refuses in an ACL file at startup (security_default.c): " LINE: why" each. */
export function aclProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/[ \t\r\n\v\f]+$/, '');
    if (line === '' || line.startsWith('#')) return;
    const [keyword, ...rest] = line.split(' ').filter(Boolean);
    if (keyword === 'user') {
      if (rest.length === 0) problems.push(`${index + 1}: ${t('"user" needs a name')}`);
      return;
    }
    if (keyword !== 'topic' && keyword !== 'pattern') {
      problems.push(
        `${index + 1}: ${t('a line starts with topic, pattern or user, not "{{word}}"', { word: String(keyword) })}`,
      );
      return;
    }
    if (rest.length === 0) {
      problems.push(`${index + 1}: ${t('{{keyword}} needs a topic', { keyword })}`);
      return;
    }
    const access = rest.length > 1 ? rest[0] : undefined;
    if (access !== undefined && !['read', 'write', 'readwrite', 'deny'].includes(access)) {
      problems.push(
        `${index + 1}: ${t('access must be read, write, readwrite or deny, not "{{access}}"', { access })}`,
      );
      return;
    }
    const topic = (access === undefined ? rest : rest.slice(1)).join(' ');
    if (!validSubscription(topic))
      problems.push(`${index + 1}: ${t('"{{topic}}" is not a valid topic filter', { topic })}`);
  });
  return problems;
}

/** PSK file lines are IDENTITY:HEXKEY; a key that is not hexadecimal stops mosquitto. */
export function pskProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = line.indexOf(':');
    const key = at === -1 ? '' : line.slice(at + 1);
    if (!/^[0-9a-fA-F]+$/.test(key)) problems.push(`${index + 1}: ${t('the key is not hexadecimal')}`);
  });
  return problems;
}
