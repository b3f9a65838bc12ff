/**
 * The small pieces of Ansible's reading of an inventory, as ansible-core 2.14 does them: shlex words,
 * Python literals for values, host names with [x:y] ranges and an optional :port. Nothing here guesses:
 * what Ansible would refuse throws an InventorySyntaxError saying why.
 */

export class InventorySyntaxError extends Error {}

/**
 * Python's shlex.split(line, comments=True) in POSIX mode: words split at whitespace, '…' kept as is,
 * "…" with \\ and \" escapes, \ escaping any character outside quotes, # starting a comment where a
 * word would start.
 */
export function shlexSplit(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) break;
    else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new InventorySyntaxError('No closing quotation');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; ; i++) {
        if (i >= line.length) throw new InventorySyntaxError('No closing quotation');
        const d = line[i]!;
        if (d === '"') break;
        if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) text += line[++i];
        else text += d;
      }
      word = (word ?? '') + text;
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new InventorySyntaxError('No escaped character');
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** Not a Python literal: ast.literal_eval would raise, and Ansible keeps the text. */
class NotALiteral extends Error {}

/**
 * A small ast.literal_eval: strings (adjacent ones joined), ints (_ allowed, 0x/0o/0b), floats, True,
 * False, None, lists, tuples, dicts and sets of those, unary +/-. Anything else is not a literal.
 */
class LiteralReader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): unknown {
    const value = this.value();
    this.space();
    if (this.at !== this.text.length) throw new NotALiteral();
    return value;
  }

  private space(): void {
    while (this.at < this.text.length && /[ \t]/.test(this.text[this.at]!)) this.at++;
  }

  private value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === "'" || c === '"') {
      let out = '';
      while (this.text[this.at] === "'" || this.text[this.at] === '"') {
        out += this.string();
        this.space();
      }
      return out;
    }
    if (c === '[') return this.items(']');
    if (c === '(') {
      const items = this.items(')');
      return items;
    }
    if (c === '{') return this.mapping();
    if (c === '-' || c === '+') {
      this.at++;
      const n = this.value();
      if (typeof n !== 'number') throw new NotALiteral();
      return c === '-' ? -n : n;
    }
    const word = /^[A-Za-z0-9_.]+/.exec(this.text.slice(this.at))?.[0];
    if (!word) throw new NotALiteral();
    this.at += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    return numberOf(word);
  }

  private string(): string {
    const quote = this.text[this.at]!;
    let out = '';
    for (this.at++; this.at < this.text.length; this.at++) {
      const c = this.text[this.at]!;
      if (c === quote) {
        this.at++;
        return out;
      }
      if (c === '\\') {
        const next = this.text[++this.at] ?? '';
        out += ESCAPES[next] ?? `\\${next}`;
      } else out += c;
    }
    throw new NotALiteral();
  }

  private items(close: string): unknown[] {
    const items: unknown[] = [];
    this.at++;
    for (;;) {
      this.space();
      if (this.text[this.at] === close) break;
      items.push(this.value());
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) throw new NotALiteral();
    }
    this.at++;
    return items;
  }

  private mapping(): unknown {
    const entries: Array<[unknown, unknown]> = [];
    const set: unknown[] = [];
    this.at++;
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') break;
      const key = this.value();
      this.space();
      if (this.text[this.at] === ':') {
        this.at++;
        entries.push([key, this.value()]);
      } else set.push(key);
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') throw new NotALiteral();
    }
    this.at++;
    if (entries.length && set.length) throw new NotALiteral();
    return set.length ? [...new Set(set)] : Object.fromEntries(entries.map(([k, v]) => [String(k), v]));
  }
}

/** A Python int or float literal (1_000, 0x1F, 0o17, 0b1, 1.5e3), or NotALiteral. */
function numberOf(word: string): number {
  const number = word.replace(/(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])/g, '');
  if (/^(0|[1-9][0-9]*)$/.test(number)) return Number(number);
  if (/^0+$/.test(number)) return 0;
  if (/^0[xX][0-9a-fA-F]+$/.test(number)) return Number.parseInt(number.slice(2), 16);
  if (/^0[oO][0-7]+$/.test(number)) return Number.parseInt(number.slice(2), 8);
  if (/^0[bB][01]+$/.test(number)) return Number.parseInt(number.slice(2), 2);
  if (/^(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(number) && /[.eE]/.test(number)) return Number(number);
  throw new NotALiteral();
}

/**
 * What ansible.plugins.inventory.ini's _parse_value makes of a value: ast.literal_eval when it is a
 * Python literal (a number, a quoted string, True/False/None, a list or dict of those), else the text.
 */
export function pythonValue(text: string): unknown {
  try {
    return new LiteralReader(text.trim()).read();
  } catch (error) {
    if (error instanceof NotALiteral) return text;
    throw error;
  }
}

/**
 * A host pattern of an inventory ("gw[01:10]", "db:2222", "[fd00::5]:22", "node[a:c][1:2]") as Ansible's
 * _expand_hostpattern reads it: the names it stands for and the port it names, if any.
 */
export function expandHostPattern(pattern: string): { names: string[]; port?: number } {
  let host = pattern;
  let port: number | undefined;
  const bracketed = /^\[(.+)\]:([0-9]+)$/.exec(pattern);
  const hostport = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/.exec(pattern);
  const split = bracketed ?? hostport;
  if (split && validHost(split[1]!)) [host, port] = [split[1]!, Number(split[2])];
  else if (!validHost(pattern)) {
    host = pattern; // not a recognisable host: Ansible takes it as it is, without a port
    port = undefined;
  }
  return { names: host.includes('[') ? expandRanges(host) : [host], ...(port === undefined ? {} : { port }) };
}

const RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const LABEL = String.raw`(?:\w|${RANGE})(?:[\w-]|${RANGE})*(?<![_-])`;
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'iu');
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|\[[0-9]+:[0-9]+(?::[0-9]+)?\])`;
const IPV4 = new RegExp(`^(?:${IPV4_PART}\\.){3}${IPV4_PART}$`);

/** An IPv4 or IPv6 address or a host name, ranges allowed (Ansible's parse_address). */
function validHost(host: string): boolean {
  return IPV4.test(host) || HOSTNAME.test(host) || /^[0-9a-f:.[\]]*:[0-9a-f:.[\]]*$/i.test(host);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** expand_hostname_range: the first [begin:end(:step)] expanded (zero-padded or letters), then the rest. */
export function expandRanges(line: string): string[] {
  const open = line.indexOf('[');
  const close = line.indexOf(']', open);
  if (open === -1 || close === -1) return [line];
  const [head, range, tail] = [line.slice(0, open), line.slice(open + 1, close), line.slice(close + 1)];
  const bounds = range.split(':');
  if (bounds.length !== 2 && bounds.length !== 3)
    throw new InventorySyntaxError('host range must be begin:end or begin:end:step');
  const begin = bounds[0] || '0';
  const end = bounds[1]!;
  const step = Number(bounds[2] ?? 1);
  if (!end) throw new InventorySyntaxError('host range must specify end value');
  const padded = begin[0] === '0' && begin.length > 1;
  if (padded && begin.length !== end.length)
    throw new InventorySyntaxError('host range must specify equal-length begin and end formats');
  const fill = (value: string | number) => (padded ? String(value).padStart(begin.length, '0') : String(value));
  const letters = LETTERS.indexOf(begin) !== -1 && LETTERS.indexOf(end) !== -1 && begin.length === 1;
  const sequence: Array<string | number> = [];
  if (letters) {
    const [from, to] = [LETTERS.indexOf(begin), LETTERS.indexOf(end)];
    if (from > to) throw new InventorySyntaxError('host range must have begin <= end');
    if (!Number.isInteger(step) || step === 0) throw new InventorySyntaxError(`invalid host range [${range}]`);
    for (let i = from; step > 0 && i <= to; i += step) sequence.push(LETTERS[i]!);
  } else {
    // Python's range(begin, end + 1, step): empty when it runs the other way, an error for a step of 0
    if (!/^\d+$/.test(begin) || !/^\d+$/.test(end) || !Number.isInteger(step) || step === 0)
      throw new InventorySyntaxError(`invalid host range [${range}]`);
    for (let i = Number(begin); step > 0 ? i <= Number(end) : i > Number(end) + 1; i += step) sequence.push(i);
  }
  return sequence.flatMap((value) => expandRanges(`${head}${fill(value)}${tail}`));
}
