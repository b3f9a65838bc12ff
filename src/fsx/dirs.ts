import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';

const notAFolder = (at: string) =>
  Object.assign(new Error(t('ENOTDIR: {{path}} is not a folder', { path: at })), { code: 'ENOTDIR', path: at });

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(…, { recursive: true })` spins forever on some
 * paths (below /proc, say: a --log or TMPDIR given by mistake) instead of failing; this fails at once.
 * Returns whether the folder was created.
 */
export async function makeDirs(dir: string, mode = 0o755): Promise<boolean> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info) {
      if (!info.isDirectory()) throw notAFolder(at);
      break;
    }
    missing.unshift(at);
    if (at === path.dirname(at)) break;
  }
  for (const level of missing) {
    await mkdir(level, { mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return missing.length > 0;
}

/** The same, synchronously (for the run log, which writes synchronously). */
export function makeDirsSync(dir: string, mode = 0o755): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = statSync(at, { throwIfNoEntry: false });
    if (info) {
      if (!info.isDirectory()) throw notAFolder(at);
      break;
    }
    missing.unshift(at);
    if (at === path.dirname(at)) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
