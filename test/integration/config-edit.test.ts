import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { CLI, cleanEnv, PROJECT, provisioned } from '../helpers/sandbox.js';

/** Runs the CLI on a real terminal (util-linux `script` gives it a pty) and types `keys`. */
function onTerminal(
  args: string[],
  env: Record<string, string>,
  keys: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const child = spawn('script', ['-qec', `stty cols 120 rows 40; ${command}`, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.stdin.end(keys);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('config edit: errors are shown, the editor opens again, then the fixed config is applied', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const env = cleanEnv({
    EDITOR: path.join(PROJECT, 'test', 'fixtures', 'two-step-editor'),
    GATE_TEST_PORT: String(box.port),
  });
  const run = await onTerminal(['config', 'edit', '--root', box.root], env, 'y\n');
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /mosquitto\.conf:3: unknown option "not_an_option"/);
  assert.match(run.output, /Edit it again\?/);
  assert.equal(
    readFileSync(box.paths.configFile, 'utf8'),
    `# edited\nlistener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 120\n`,
  );
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('config edit without a terminal refuses with exit 2', { timeout: 30_000 }, async (t) => {
  const box = await provisioned(t);
  const run = await box.cli(['config', 'edit']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /needs a terminal/);
});
