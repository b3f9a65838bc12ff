import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { ConfIssue, Located } from './model.js';
import { lookupOption } from './options.js';

/** Options naming a file the broker reads (bridges included: the trial start leaves them out). */
const FILE_OPTIONS = new Set([
  'bridge_cafile',
  'bridge_certfile',
  'bridge_keyfile',
  'cafile',
  'certfile',
  'keyfile',
  'crlfile',
  'dhparamfile',
  'password_file',
  'acl_file',
  'psk_file',
]);
const DIR_OPTIONS = new Set(['bridge_capath', 'capath']);

/** Every file a config names must exist and be readable; otherwise the broker or its bridge fails later. */
export async function missingFiles(entries: Located[]): Promise<ConfIssue[]> {
  const issues: ConfIssue[] = [];
  for (const entry of entries) {
    if (!FILE_OPTIONS.has(entry.name) && !DIR_OPTIONS.has(entry.name)) continue;
    if (!lookupOption(entry.name) || entry.value === '') continue;
    const target = path.resolve(path.dirname(entry.file), entry.value);
    try {
      await access(target, constants.R_OK);
    } catch {
      issues.push({
        file: entry.file,
        line: entry.line,
        severity: 'error',
        message: `${entry.name} ${entry.value}: no such readable ${DIR_OPTIONS.has(entry.name) ? 'folder' : 'file'}`,
      });
    }
  }
  return issues;
}
