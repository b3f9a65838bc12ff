import { stat } from 'node:fs/promises';
import { readText } from '../fsx/read.js';

/** What identifies one build of a binary: a package upgrade changes its size, inode or mtime. */
export interface Fingerprint {
  size: number;
  ino: number;
  mtimeMs: number;
}

type Cache = Record<string, Fingerprint & { version: string }>;

export async function fingerprint(binary: string): Promise<Fingerprint | undefined> {
  const info = await stat(binary).catch(() => undefined);
  return info ? { size: info.size, ino: info.ino, mtimeMs: info.mtimeMs } : undefined;
}

async function readCache(file: string): Promise<Cache> {
  try {
    const parsed = JSON.parse((await readText(file)) ?? '') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Cache) : {};
  } catch {
    return {};
  }
}

const same = (a: Fingerprint, b: Fingerprint) => a.size === b.size && a.ino === b.ino && a.mtimeMs === b.mtimeMs;

/** The version recorded for this very build of `binary`, if any. */
export async function cachedVersion(file: string, binary: string, print: Fingerprint): Promise<string | undefined> {
  const entry = (await readCache(file))[binary];
  return entry && same(entry, print) && typeof entry.version === 'string' ? entry.version : undefined;
}

/** The cache file's new text with this binary's version recorded. */
export async function withVersion(file: string, binary: string, print: Fingerprint, version: string): Promise<string> {
  const cache = await readCache(file);
  cache[binary] = { ...print, version };
  return `${JSON.stringify(cache, null, 2)}\n`;
}

/**
 * The broker's version without starting it when this build was asked before; otherwise from
 * `mosquitto -h`, with the cache text to store (the caller decides whether it may write).
 */
export async function knownVersion(
  ask: (binary: string) => Promise<string | undefined>,
  binary: string,
  cacheFile: string,
): Promise<{ version: string | undefined; updatedCache?: string }> {
  const print = await fingerprint(binary);
  const cached = print ? await cachedVersion(cacheFile, binary, print) : undefined;
  if (cached) return { version: cached };
  const version = await ask(binary);
  if (!version || !print) return { version };
  return { version, updatedCache: await withVersion(cacheFile, binary, print, version) };
}
