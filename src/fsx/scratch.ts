import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import type { Profile } from '../platform/profile.js';
import { makeDirs } from './dirs.js';

/**
 * A fresh private folder for scratch files (a trial config, an edit copy): in TMPDIR, or, when that
 * cannot be written (a wrong TMPDIR on a device), in the prefix's own tmp folder. Scratch space is not a
 * device file, so it does not go through the device writer.
 */
export async function makeScratchDir(profile: Profile, name: string): Promise<string> {
  const tried: string[] = [];
  for (const [base, create] of [
    [os.tmpdir(), false],
    [profile.paths.tmpDir, true],
  ] as const) {
    try {
      // TMPDIR is used as it is; the prefix's own tmp is made when missing.
      if (create) await makeDirs(base, 0o700);
      return await mkdtemp(path.join(base, `gate-mqtt-${name}-`));
    } catch (error) {
      tried.push(`${base} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  throw failed(
    t('no writable temporary folder: {{tried}}', { tried: tried.join(', ') }),
    t('set TMPDIR to a writable folder'),
  );
}
