import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readPasswordFile } from '../../src/commands/password-input.js';
import { GateError } from '../../src/model/errors.js';
import { RunLog } from '../../src/ui/run-log.js';
import { Secrets } from '../../src/ui/secrets.js';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmi-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const badInput = (e: unknown) => e instanceof GateError && e.exitCode === 2;

test('a password file is read whole', async (t) => {
  const file = path.join(scratch(t), 'pw');
  writeFileSync(file, 'secret one\n');
  assert.equal(await readPasswordFile(file), 'secret one\n');
});

test('a password file is capped at 4 KiB: /dev/zero is refused at once', async () => {
  await assert.rejects(
    readPasswordFile('/dev/zero'),
    (e: unknown) => badInput(e) && /longer than 4096 bytes/.test(String(e)),
  );
});

test('a FIFO nobody writes to times out instead of hanging', async (t) => {
  const fifo = path.join(scratch(t), 'fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  await assert.rejects(
    readPasswordFile(fifo, 300),
    (e: unknown) => badInput(e) && /nothing to read within 300 ms/.test(String(e)),
  );
});

test('a missing file or a folder is bad input', async (t) => {
  const dir = scratch(t);
  await assert.rejects(
    readPasswordFile(path.join(dir, 'none')),
    (e: unknown) => badInput(e) && /ENOENT/.test(String(e)),
  );
  await assert.rejects(readPasswordFile(dir), badInput);
});

test('the run log never follows a link planted at its name', (t) => {
  const dir = scratch(t);
  const victim = path.join(dir, 'victim');
  writeFileSync(victim, 'precious\n');
  const logFile = path.join(dir, 'provision.log');
  symlinkSync(victim, logFile);
  const log = new RunLog(logFile, 'provision', new Secrets());
  const saved = process.stderr.write;
  let warned = '';
  process.stderr.write = ((text: string) => {
    warned += text;
    return true;
  }) as typeof process.stderr.write;
  try {
    log.write('a line');
    log.write('another');
  } finally {
    process.stderr.write = saved;
    log.close();
  }
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
  assert.match(warned, /not writing the run log .* \(it is a symbolic link\)/);
  assert.equal(warned.split('\n').filter(Boolean).length, 1, 'said once');
});

test('the run log appends scrubbed one-line entries', (t) => {
  const logFile = path.join(scratch(t), 'x.log');
  const secrets = new Secrets();
  secrets.add('pw-123');
  const log = new RunLog(logFile, 'bridge-add', secrets);
  log.write('using pw-123\nsecond line');
  log.close();
  assert.match(readFileSync(logFile, 'utf8'), /^\S+ \[bridge-add\] using \*{8} \| second line\n$/);
});
