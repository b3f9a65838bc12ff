import { validSubscription } from './readers.js';

/** What mosquitto 2.0.11 refuses in an ACL file at startup (security_default.c): " LINE: why" each. */
export function aclProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/[ \t\r\n\v\f]+$/, '');
    if (line === '' || line.startsWith('#')) return;
    const [keyword, ...rest] = line.split(' ').filter(Boolean);
    if (keyword === 'user') {
      if (rest.length === 0) problems.push(`${index + 1}: "user" needs a name`);
      return;
    }
    if (keyword !== 'topic' && keyword !== 'pattern') {
      problems.push(`${index + 1}: a line starts with topic, pattern or user, not "${keyword}"`);
      return;
    }
    if (rest.length === 0) {
      problems.push(`${index + 1}: ${keyword} needs a topic`);
      return;
    }
    const access = rest.length > 1 ? rest[0] : undefined;
    if (access !== undefined && !['read', 'write', 'readwrite', 'deny'].includes(access)) {
      problems.push(`${index + 1}: access must be read, write, readwrite or deny, not "${access}"`);
      return;
    }
    const topic = (access === undefined ? rest : rest.slice(1)).join(' ');
    if (!validSubscription(topic)) problems.push(`${index + 1}: "${topic}" is not a valid topic filter`);
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
    if (!/^[0-9a-fA-F]+$/.test(key)) problems.push(`${index + 1}: the key is not hexadecimal`);
  });
  return problems;
}
