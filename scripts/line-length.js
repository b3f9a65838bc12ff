#!/usr/bin/env node
// Lines of code are at most 120 characters. The formatter wraps code; this catches what it cannot wrap
// (long comments; message literals, which cannot be split, are exempt). Part of `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX = 120;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const folders = ['src', 'test', 'bench', 'scripts', 'bin'];

function files(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|js)$/.test(name) ? [full] : [];
  });
}

const long = [];
for (const file of folders.flatMap((folder) => files(path.join(root, folder)))) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      // A message is one literal (English text is its own key, src/i18n), or one plural form of one: a line
      // that starts with it may be longer.
      const message = /^\s*(t\(|msg\(|(zero|one|two|few|many|other): )?['"`]/.test(line);
      if ([...line].length > MAX && !message)
        long.push(`${path.relative(root, file)}:${index + 1}: ${[...line].length} characters`);
    });
}
if (long.length) {
  console.error(`Lines longer than ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
