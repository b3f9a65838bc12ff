import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, cleanEnv, provisioned } from '../helpers/sandbox.js';

const PASSWORD = 'Never-In-Ps 123';

/** Every process's command line and environment right now. */
function processTexts(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    for (const what of ['cmdline', 'environ']) {
      try {
        out.push(readFileSync(`/proc/${pid}/${what}`, 'utf8'));
      } catch {
        // gone, or not readable
      }
    }
  }
  return out;
}

test('a bridge password never shows in the process list, pm2 dump or jlist, or logs', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const child = spawn(
    process.execPath,
    [
      CLI,
      'bridge',
      'add',
      'supla',
      '--id',
      'g',
      '--address',
      '127.0.0.1:1',
      '--username',
      'u',
      '--password-stdin',
      '--root',
      box.root,
    ],
    { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.stdin.end(`${PASSWORD}\n`);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let samples = 0;
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const text of processTexts())
      assert.ok(!text.includes(PASSWORD), "the password is in some process's argv or environment");
    samples++;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(await exited, 0, output);
  assert.ok(samples >= 5, `sampled the process list ${samples} times while the command ran`);
  assert.ok(!output.includes(PASSWORD));
  assert.match(readFileSync(box.paths.configFile, 'utf8'), new RegExp(`remote_password ${PASSWORD}`));
  assert.ok(!readFileSync(path.join(box.paths.pm2Home, 'dump.pm2'), 'utf8').includes(PASSWORD));
  assert.ok(!box.pm2(['jlist']).stdout.includes(PASSWORD));
  for (const dir of [box.paths.logDir, box.paths.pm2Home]) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log'))) {
      assert.ok(!readFileSync(path.join(dir, file), 'utf8').includes(PASSWORD), file);
    }
  }
});
