import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readBytes } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { analyze } from './analyze.js';
import type { ConfIssue, ConfModel, Located } from './model.js';
import { locate } from './model.js';
import { type ConfDoc, parseConfig } from './parse.js';

/** Larger than any sane mosquitto.conf; a bigger file is refused rather than parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** Refuses what is not a config: too large, holding NUL bytes, or not UTF-8. */
export function decodeConfig(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_CONFIG_BYTES) {
    return {
      ok: false,
      message: t('file is too large for a config ({{count}} bytes, at most {{max}})', {
        count: bytes.length,
        max: MAX_CONFIG_BYTES,
      }),
    };
  }
  if (bytes.includes(0)) return { ok: false, message: t('file holds NUL bytes: it is binary, not a config') };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: t('file is not valid UTF-8 text') };
  }
}

export interface LoadedConfig {
  main: ConfDoc;
  /** Every directive in the order mosquitto reads it, included files inline. */
  entries: Located[];
  model: ConfModel;
  /** Files read through include_dir, in order. */
  included: ConfDoc[];
}

export interface LoadOptions {
  /** The broker's working directory: relative paths (include_dir too) are relative to it, not to the file. */
  cwd?: string;
  brokerVersion?: string;
}

/** mosquitto's include_dir order (conf_includedir.c scmp_p): by upper-cased byte, then upper case first. */
export function includeOrder(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = (x[i]! << 24) >> 24; // C char is signed
    const q = (y[i]! << 24) >> 24;
    if (p === q) continue;
    const up = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
    return up(p) !== up(q) ? up(p) - up(q) : p - q;
  }
  return x.length - y.length;
}

/** Reads the include_dir folders of the main file (mosquitto does not follow them from included files). */
async function expandIncludes(doc: ConfDoc, issues: ConfIssue[], included: ConfDoc[], cwd: string): Promise<Located[]> {
  const out: Located[] = [];
  for (const entry of locate(doc)) {
    out.push(entry);
    if (entry.name !== 'include_dir' || !entry.rest) continue;
    const dir = path.resolve(cwd, entry.rest); // the raw rest of the line: a trailing space is part of it
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.length > 5 && name.endsWith('.conf'));
    } catch {
      issues.push({
        file: entry.file,
        line: entry.line,
        severity: 'error',
        message: t('include_dir "{{folder}}": no such folder', { folder: entry.rest }),
      });
      continue;
    }
    for (const file of names.map((name) => `${entry.rest}/${name}`).sort(includeOrder)) {
      const full = path.resolve(cwd, file);
      const decoded = decodeConfig((await readBytes(full).catch(() => undefined)) ?? Buffer.from([0]));
      if (!decoded.ok) {
        const message = t('{{reason}} (or not readable)', { reason: decoded.message });
        issues.push({ file: full, line: 1, severity: 'error', message });
        continue;
      }
      const child = parseConfig(decoded.text, full);
      included.push(child);
      out.push(...locate(child, 1));
    }
  }
  return out;
}

/** Parses text as the config at `file` and checks it as mosquitto would read it, following include_dir. */
export async function loadConfigText(text: string, file: string, options: LoadOptions = {}): Promise<LoadedConfig> {
  const main = parseConfig(text, file);
  const issues: ConfIssue[] = [];
  const included: ConfDoc[] = [];
  const entries = await expandIncludes(main, issues, included, options.cwd ?? path.dirname(file));
  const model = analyze(entries, {
    mainFile: file,
    ...(options.brokerVersion ? { brokerVersion: options.brokerVersion } : {}),
  });
  model.issues.unshift(...issues);
  return { main, entries, model, included };
}

/** The model of one file as text, without following include_dir (for a config read from a remote device). */
export function analyzeText(text: string, file: string): ConfModel {
  return analyze(locate(parseConfig(text, file)), { mainFile: file });
}

export type ReadResult =
  | { ok: true; config: LoadedConfig; text: string }
  | { ok: false; missing: boolean; message: string };

export async function readConfigFile(file: string, options: LoadOptions = {}): Promise<ReadResult> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readBytes(file); // never through a link planted at its name
  } catch (error) {
    // Our own refusals (a link, not a file) say it in words; another errno (EACCES, …) is its code.
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: false, message: code ? `${file}: ${code}` : (error as Error).message };
  }
  if (bytes === undefined) return { ok: false, missing: true, message: t('{{file}}: no such file', { file }) };
  const decoded = decodeConfig(bytes);
  if (!decoded.ok) return { ok: false, missing: false, message: `${file}:1: ${decoded.message}` };
  return { ok: true, config: await loadConfigText(decoded.text, file, options), text: decoded.text };
}

export function errors(config: LoadedConfig): ConfIssue[] {
  return config.model.issues.filter((issue) => issue.severity === 'error');
}

export function warnings(config: LoadedConfig): ConfIssue[] {
  return config.model.issues.filter((issue) => issue.severity === 'warning');
}
