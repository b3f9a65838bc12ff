import { InventorySyntaxError } from './ansible-syntax.js';
import type { InventoryData } from './inventory-data.js';

/**
 * Ansible's host patterns (ansible/inventory/manager.py, ansible-core 2.14), for `--limit`: terms split
 * at commas (or, without a comma, at colons outside brackets); a term is a group or host name, a glob
 * (* ? [..]) or a ~regex, with an optional [i] or [i:j] subscript; `&` intersects, `!` excludes, applied
 * after every plain term (no plain term: all).
 */

export function splitPattern(pattern: string): string[] {
  const terms = pattern.includes(',')
    ? pattern.split(',')
    : looksLikeOneAddress(pattern)
      ? [pattern]
      : (pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? []);
  return terms.map((term) => term.trim()).filter(Boolean);
}

/** An IPv6 address or a name with [x:y] ranges is one pattern, colons and all (parse_address). */
const looksLikeOneAddress = (pattern: string) =>
  /^[0-9a-f:]*:[0-9a-f:]*:[0-9a-f:]*$/i.test(pattern) || /^[\w.-]*\[[^\]]*:[^\]]*\][\w.-]*$/.test(pattern);

/** fnmatch.translate for one name (Python's: * ? [seq] [!seq], anchored, case as given). */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        let set = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        else if (set.startsWith('^')) set = `\\${set}`;
        out += `[${set}]`;
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^(?:${out})$`, 's');
}

function matcher(term: string): RegExp {
  if (!term.startsWith('~')) return globToRegExp(term);
  try {
    return new RegExp(`^(?:${term.slice(1)})`); // Python's re.match: anchored at the start only
  } catch {
    throw new InventorySyntaxError(`Invalid host list pattern: ${term}`);
  }
}

const SUBSCRIPT = /^(.+)\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\]$/;

/** The hosts one term names (its & or ! aside), as _match_one_pattern finds them. */
function matchOne(data: InventoryData, term: string): string[] {
  let expr = term;
  let subscript: [number, number | undefined] | undefined;
  const sub = term.startsWith('~') ? null : SUBSCRIPT.exec(term);
  if (sub) {
    expr = sub[1]!;
    subscript = sub[2] !== undefined ? [Number(sub[2]), undefined] : [Number(sub[3]), sub[5] ? Number(sub[5]) : -1];
  }
  const re = matcher(expr);
  const groups = [...data.groups.keys()].filter((name) => re.test(name));
  const hosts: string[] = groups.flatMap((name) => data.hostsOf(name));
  if (!groups.length || expr.startsWith('~') || /[.?*[]/.test(expr))
    hosts.push(...[...data.hostVars.keys()].filter((host) => re.test(host)));
  const unique = [...new Set(hosts)];
  if (!subscript || !unique.length) return unique;
  const [start, end] = subscript;
  if (end === undefined) {
    const one = unique.at(start);
    if (one === undefined) throw new InventorySyntaxError(`No hosts matched the subscripted pattern '${term}'`);
    return [one];
  }
  return unique.slice(start, (end === -1 ? unique.length - 1 : end) + 1);
}

/** The hosts a pattern selects, in Ansible's order (`all` when the pattern names only & and ! terms). */
export function selectHosts(data: InventoryData, pattern: string): string[] {
  const terms = splitPattern(pattern);
  const plain = terms.filter((t) => t[0] !== '&' && t[0] !== '!');
  const ordered = [
    ...(plain.length ? plain : ['all']),
    ...terms.filter((t) => t[0] === '&'),
    ...terms.filter((t) => t[0] === '!'),
  ];
  let hosts: string[] = [];
  for (const term of ordered) {
    if (data.hostVars.has(term)) {
      if (!hosts.includes(term)) hosts.push(term);
      continue;
    }
    const that = matchOne(data, term[0] === '&' || term[0] === '!' ? term.slice(1) : term);
    if (term[0] === '!') hosts = hosts.filter((h) => !that.includes(h));
    else if (term[0] === '&') hosts = hosts.filter((h) => that.includes(h));
    else hosts.push(...that.filter((h) => !hosts.includes(h)));
  }
  return hosts;
}
