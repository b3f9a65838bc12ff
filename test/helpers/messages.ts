import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT } from './sandbox.js';

export interface Found {
  where: string;
  text: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'i18n' ? [] : sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Reads one JS string literal starting at `at` (', " or a backtick without ${}); undefined otherwise. */
function literalAt(text: string, at: number): { value: string; end: number } | undefined {
  const quote = text[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1]!;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i++;
    } else if (c === quote) return { value, end: i + 1 };
    else if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    else value += c;
  }
  return undefined;
}

const line = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Every message key in src/: the first argument of t(...) and msg(...), which must be one plain string
 * literal (a key built at run time could never be in a catalog). Calls whose argument is not a literal
 * are returned apart, except t(name) of a value that came from msg().
 */
export function messageKeys(root = path.join(PROJECT, 'src')): { keys: Found[]; dynamic: Found[] } {
  const keys: Found[] = [];
  const dynamic: Found[] = [];
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?<![\w.$])(t|msg)\(\s*/g)) {
      const at = match.index + match[0].length;
      const where = `${path.relative(PROJECT, file)}:${line(text, match.index)}`;
      const literal = literalAt(text, at);
      if (literal && /^\s*[,)]/.test(text.slice(literal.end))) keys.push({ where, text: literal.value });
      else if (match[1] === 'msg' || /^[`'"]/.test(text.slice(at)))
        dynamic.push({ where, text: text.slice(at, at + 60) });
    }
  }
  return { keys, dynamic };
}

/**
 * Messages that reach people without t(): a string literal handed straight to one of the places that
 * print (errors, check outcomes, step outcomes, printed lines).
 */
/** The static text of the literal starting at `at` (a template's ${…} parts left out), or undefined. */
function staticText(text: string, at: number): string | undefined {
  const quote = text[at];
  let out = '';
  for (let i = at + 1, depth = 0; i < text.length; i++) {
    const c = text[i]!;
    if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    } else if (c === '\\') i++;
    else if (c === quote) return out;
    else if (quote === '`' && c === '$' && text[i + 1] === '{') {
      depth = 1;
      i++;
    } else out += c;
  }
  return undefined;
}

/**
 * Messages that reach people without t(): a literal with words in it handed straight to one of the
 * places that print (errors, check and step outcomes, printed lines) or put in a field people read.
 * A template whose words all come from t() (only places and punctuation outside them) is fine.
 */
export function untranslated(root = path.join(PROJECT, 'src')): Found[] {
  const name = 'badInput|failed|unsupported|new GateError|pass|warn|fail|done|skipped|print|error|issue|refuse|verdict';
  const sinks = [
    // a call whose first, second or third argument is a literal: failed('…'), warn(id, '…'), issue(at, 'error', '…')
    new RegExp(`(?<![\\w$])(${name})\\((?:[^(),;]*,\\s*){0,2}(?=['"\`])(?!'(error|warning)')`, 'g'),
    // a literal in a field people read: { message: '…' }, title: '…', hint: '…'
    /(?<![\w$])(message|detail|hint|summary|title|usage|error|warning):\s*(?=['"`])/g,
  ];
  const found: Found[] = [];
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const sink of sinks)
      for (const match of text.matchAll(sink)) {
        const words = staticText(text, match.index + match[0].length);
        if (words !== undefined && !/[A-Za-z]{2,}/.test(words)) continue;
        found.push({
          where: `${path.relative(PROJECT, file)}:${line(text, match.index)}`,
          text: `${match[0]}${words ?? ''}`,
        });
      }
  }
  return found;
}

export const placesOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// `node --import tsx test/helpers/messages.ts src/config`: what is left to translate in one folder.
if (process.argv[1]?.endsWith('messages.ts')) {
  const { PL } = await import('../../src/i18n/pl/index.js');
  const root = path.resolve(process.argv[2] ?? 'src');
  const { keys, dynamic } = messageKeys(root);
  for (const f of untranslated(root)) console.log(`not through t(): ${f.where}: ${f.text}`);
  for (const f of dynamic) console.log(`not a plain literal: ${f.where}: ${f.text}`);
  for (const k of keys.filter((k) => PL[k.text] === undefined)) console.log(`no Polish: ${k.where}: ${k.text}`);
}
