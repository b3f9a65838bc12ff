import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyze, type ConfIssue, type ConfModel, type Located, locate } from './model.js';
import { type ConfDoc, parseConfig } from './parse.js';

/** Larger than any sane mosquitto.conf; a bigger file is refused rather than parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** Refuses what is not a config: too large, holding NUL bytes, or not UTF-8. */
export function decodeConfig(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_CONFIG_BYTES)
    return {
      ok: false,
      message: `file is too large for a config (${bytes.length} bytes, at most ${MAX_CONFIG_BYTES})`,
    };
  if (bytes.includes(0)) return { ok: false, message: 'file holds NUL bytes: it is binary, not a config' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'file is not valid UTF-8 text' };
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

function issueAt(file: string, line: number, message: string): ConfIssue {
  return { file, line, severity: 'error', message };
}

/** Reads the include_dir folders (sorted `*.conf`, like mosquitto) and inlines their directives. */
async function expandIncludes(
  doc: ConfDoc,
  issues: ConfIssue[],
  included: ConfDoc[],
  depth: number,
): Promise<Located[]> {
  const out: Located[] = [];
  for (const entry of locate(doc)) {
    out.push(entry);
    if (entry.name !== 'include_dir' || depth > 0) continue;
    const dir = path.resolve(path.dirname(doc.file), entry.value);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.conf')).sort();
    } catch {
      issues.push(issueAt(entry.file, entry.line, `include_dir ${entry.value}: folder not found`));
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      const decoded = decodeConfig(await readFile(file));
      if (!decoded.ok) {
        issues.push(issueAt(file, 1, decoded.message));
        continue;
      }
      const child = parseConfig(decoded.text, file);
      included.push(child);
      out.push(...(await expandIncludes(child, issues, included, depth + 1)));
    }
  }
  return out;
}

/** Parses text as the config at `file` and checks it, following include_dir. */
export async function loadConfigText(text: string, file: string): Promise<LoadedConfig> {
  const main = parseConfig(text, file);
  const issues: ConfIssue[] = [];
  const included: ConfDoc[] = [];
  const entries = await expandIncludes(main, issues, included, 0);
  const model = requireListener(analyze(entries), file);
  model.issues.unshift(...issues);
  return { main, entries, model, included };
}

function requireListener(model: ConfModel, file: string): ConfModel {
  if (model.listeners.length === 0) {
    model.issues.push(
      issueAt(file, 1, 'no listener: mosquitto 2 would listen on localhost only and LAN devices could not connect'),
    );
  }
  return model;
}

/** The model of one file as text, without following include_dir (for a config read from a remote device). */
export function analyzeText(text: string, file: string): ConfModel {
  return requireListener(analyze(locate(parseConfig(text, file))), file);
}

export type ReadResult =
  | { ok: true; config: LoadedConfig; text: string }
  | { ok: false; missing: boolean; message: string };

export async function readConfigFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      missing: code === 'ENOENT',
      message: `${file}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    };
  }
  const decoded = decodeConfig(bytes);
  if (!decoded.ok) return { ok: false, missing: false, message: `${file}:1: ${decoded.message}` };
  return { ok: true, config: await loadConfigText(decoded.text, file), text: decoded.text };
}

export function errors(config: LoadedConfig): ConfIssue[] {
  return config.model.issues.filter((issue) => issue.severity === 'error');
}
