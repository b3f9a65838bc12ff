import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mosquittoVersion } from '../../src/mosquitto/binary.js';
import { DryRunPlan } from '../../src/run/plan.js';
import { shQuote } from '../../src/run/quote.js';
import { CommandError, describeCommand, Runner } from '../../src/run/runner.js';

const runner = (dryRun = false) =>
  new Runner(new DryRunPlan(dryRun), { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home' });

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmr-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a program is started directly: no shell parses its arguments', async () => {
  const out = await runner().run(['/bin/echo', ['$HOME', '; rm -rf /', '`id`', '*']]);
  assert.equal(out.stdout, '$HOME ; rm -rf / `id` *\n');
  assert.equal(out.exitCode, 0);
});

test('stdin is /dev/null and the environment is only what the profile gives', async () => {
  const env = await runner().run(['/usr/bin/env', []]);
  assert.deepEqual(env.stdout.trim().split('\n').sort(), ['HOME=/nonexistent-home', 'PATH=/usr/bin:/bin']);
  const stdin = await runner().run(['/bin/sh', ['-c', 'readlink /proc/self/fd/0']]);
  assert.equal(stdin.stdout.trim(), '/dev/null');
});

test('no rc file runs, even when the program is a bash and HOME holds a .bashrc', async (t) => {
  const home = scratch(t);
  writeFileSync(path.join(home, '.bashrc'), 'echo NOISE-FROM-BASHRC\n');
  const out = await new Runner(new DryRunPlan(false), { PATH: '/usr/bin:/bin', HOME: home }).run([
    '/usr/bin/printf',
    ['%s', 'clean'],
  ]);
  assert.equal(out.stdout, 'clean');
});

test('a timeout is reported as a timeout, naming the command and how long it waited', async () => {
  const started = Date.now();
  const out = await runner().run(['/bin/sleep', ['30']], { timeoutMs: 200 });
  assert.equal(out.timedOut, true);
  assert.ok(Date.now() - started < 10_000);
  await assert.rejects(runner().check(['/bin/sleep', ['30']], { timeoutMs: 200 }), (e: unknown) => {
    return e instanceof CommandError && e.message === '/bin/sleep 30 timed out after 200 ms (stopped)';
  });
});

test('a timeout stops the whole process group, children included', async (t) => {
  const dir = scratch(t);
  const marker = (name: string) => path.join(dir, name);
  const child = (name: string) => ['/bin/sh', ['-c', `(sleep 1; touch ${marker(name)}) & wait`]] as const;
  // Without a timeout the child does write its marker: the test can tell a stopped child from one that ran.
  await runner().run(child('ran'), { timeoutMs: 10_000 });
  assert.equal(existsSync(marker('ran')), true, 'the child of a run that ends by itself wrote its marker');
  // With one, the run is stopped at 200 ms, before its child's second is up; a second run, not stopped,
  // is the clock: once its child wrote, the stopped one would have too.
  const stopped = runner().run(child('stopped'), { timeoutMs: 200 });
  const clock = runner().run(child('clock'), { timeoutMs: 10_000 });
  assert.equal((await stopped).timedOut, true);
  await clock;
  assert.equal(existsSync(marker('clock')), true);
  assert.equal(existsSync(marker('stopped')), false, "the stopped run's child never wrote its marker");
});

test('a missing program is a start error, not a crash', async () => {
  const out = await runner().run(['/nonexistent/program', []]);
  assert.equal(out.exitCode, 127);
  assert.match(out.startError ?? '', /ENOENT/);
  await assert.rejects(runner().check(['/nonexistent/program', []]), /could not start: ENOENT/);
});

test('a failure carries the exit code and the tail of stderr', async () => {
  await assert.rejects(
    runner().check(['/bin/sh', ['-c', 'echo bad thing >&2; exit 3']]),
    /failed \(exit 3\): bad thing/,
  );
});

test('dry-run records commands that change the device and runs the ones that only read', async () => {
  const r = runner(true);
  const skipped = await r.run(['/bin/touch', ['/nonexistent/x']], { mutates: true });
  assert.equal(skipped.skipped, true);
  assert.deepEqual(r.plan.lines, ['/bin/touch /nonexistent/x']);
  assert.equal((await r.run(['/bin/echo', ['read']])).stdout, 'read\n');
});

test('watch stops a program once its output matches', async () => {
  const out = await runner().watch(['/bin/sh', ['-c', 'echo starting; echo ready; sleep 30']], {
    until: /ready/,
    timeoutMs: 5000,
  });
  assert.equal(out.matched, true);
  assert.match(out.output, /starting\nready/);
});

test('commands are shown quoted, as a person would type them', () => {
  assert.equal(
    describeCommand(['/bin/pm2', ['start', 'plain', 'a b', "it's"]]),
    "/bin/pm2 start plain 'a b' 'it'\\''s'",
  );
});

test('a broker binary that hangs on -h is a timeout, not "cannot read the version"', async (t) => {
  const dir = scratch(t);
  const fake = path.join(dir, 'mosquitto');
  writeFileSync(fake, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
  await assert.rejects(mosquittoVersion(runner(), fake, 300), /mosquitto -h timed out after 300 ms/);
});

test('values are quoted for any POSIX shell: dash reads back exactly the value', () => {
  for (const value of ['plain', 'a b', "it's", 'x\ny', '', '$HOME', '`id`', '-n', 'zażółć', '\'"\\']) {
    const out = spawnSync('/bin/sh', ['-c', `printf '%s' ${shQuote(value)}`], { encoding: 'utf8' });
    assert.equal(out.stdout, value, JSON.stringify(value));
  }
});
