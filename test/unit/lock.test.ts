import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { GateError } from '../../src/model/errors.js';
import { acquireLock, type LockRecord, ownerAlive, ownRecord } from '../../src/platform/lock.js';
import { bootId, parseProcessStat, processAlive, readProcessStat } from '../../src/platform/process-info.js';
import { unitContext } from '../helpers/unit-context.js';

function lockFile(root: string): string {
  mkdirSync(path.join(root, 'state'), { recursive: true });
  return path.join(root, 'state', 'gate-mqtt.lock');
}

const plant = (file: string, record: Partial<LockRecord>) =>
  writeFileSync(
    file,
    JSON.stringify({ bootId: bootId(), command: 'provision', started: '2026-01-01T00:00:00Z', ...record }),
  );

test('the lock records its owner: pid, start time and boot', (t) => {
  const record = ownRecord('provision');
  assert.equal(record.pid, process.pid);
  assert.equal(record.startTicks, readProcessStat(process.pid)?.startTicks);
  assert.equal(record.bootId, bootId());
  assert.equal(ownerAlive(record), true);
  assert.ok(t);
});

test('a live holder makes the next run exit 3; after release the lock is free', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  const lock = await acquireLock(file, 'provision');
  await assert.rejects(
    acquireLock(file, 'reset'),
    (e: unknown) => e instanceof GateError && e.exitCode === 3 && /provision, pid/.test(e.message),
  );
  await lock.release();
  assert.equal(existsSync(file), false);
  await (await acquireLock(file, 'reset')).release();
});

test('a lock whose owner exited is taken over', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  const child = spawnSync('/bin/sh', ['-c', 'echo $$']);
  plant(file, { pid: Number(child.stdout.toString().trim()) });
  const lock = await acquireLock(file, 'provision');
  assert.equal((JSON.parse(readFileSync(file, 'utf8')) as LockRecord).pid, process.pid);
  await lock.release();
});

test('a lock held by a zombie (killed, not yet reaped) is taken over', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  // A short sleep runs in the background; its parent execs into a long sleep before it ends (the shell
  // would reap a child that ended before the exec) and never reaps it: when it ends, it is a zombie.
  const parent = spawn('/bin/sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  t.after(() => parent.kill('SIGKILL'));
  const pid = Number(
    await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d).trim()))),
  );
  for (let i = 0; i < 500 && readProcessStat(pid)?.state !== 'Z'; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(readProcessStat(pid)?.state, 'Z', 'the child is a zombie');
  let signalled = true;
  try {
    process.kill(pid, 0);
  } catch {
    signalled = false;
  }
  assert.equal(signalled, true, 'kill(pid, 0) still succeeds on a zombie');
  assert.equal(processAlive(pid), false);
  plant(file, { pid, startTicks: readProcessStat(pid)?.startTicks });
  await (await acquireLock(file, 'provision')).release();
});

test('a pid reused by another program (another start time) does not hold the lock', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  const ours = readProcessStat(process.pid)!.startTicks;
  plant(file, { pid: process.pid, startTicks: ours + 1 });
  assert.equal(ownerAlive(JSON.parse(readFileSync(file, 'utf8')) as LockRecord), false);
  await (await acquireLock(file, 'provision')).release();
});

test('a lock from another boot is stale whatever its pid', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  plant(file, { pid: process.pid, bootId: 'another-boot' });
  await (await acquireLock(file, 'provision')).release();
});

test('a garbage lock file is stale; a symlink planted at the lock is never followed', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  writeFileSync(file, 'not json');
  await (await acquireLock(file, 'provision')).release();
  const victim = path.join(root, 'victim');
  writeFileSync(victim, 'precious\n');
  symlinkSync(victim, file);
  await (await acquireLock(file, 'provision')).release();
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
});

test('/proc/PID/stat is read from the last parenthesis (program names may hold spaces and parens)', () => {
  const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
  fields[0] = 'Z';
  fields[1] = '77';
  fields[19] = '123456';
  assert.deepEqual(parseProcessStat(`42 (a (b) c) ${fields.join(' ')}`), {
    state: 'Z',
    parentPid: 77,
    startTicks: 123456,
  });
  assert.equal(parseProcessStat('garbage'), undefined);
  assert.equal(processAlive(-1), false);
  assert.equal(processAlive(0), false);
});

test('runs started at the same moment: exactly one takes the lock, the others exit 3', async (t) => {
  const { root } = unitContext(t);
  const file = lockFile(root);
  const module = path.resolve('src/platform/lock.ts');
  // Each contender waits for the same instant and tries once; a winner holds the lock until its stdin
  // ends, which the test does only after every other contender has given up (they start skewed).
  const script = `
    const { acquireLock } = await import(${JSON.stringify(module)});
    const start = Number(process.argv[1]);
    while (Date.now() < start) {}
    try {
      const lock = await acquireLock(${JSON.stringify(file)}, 'provision');
      console.log('won');
      process.stdin.resume();
      await new Promise((r) => process.stdin.on('end', r));
      await lock.release();
    } catch (e) { console.log('exit ' + e.exitCode); }`;
  const start = Date.now() + 1500;
  const children = Array.from({ length: 6 }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, String(start)]),
  );
  t.after(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  const outcomes: string[] = [];
  await new Promise<void>((resolve) => {
    for (const child of children) {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n') && outcomes.push(out.trim()) === children.length) resolve();
      });
    }
  });
  assert.deepEqual(outcomes.sort(), ['exit 3', 'exit 3', 'exit 3', 'exit 3', 'exit 3', 'won']);
  await Promise.all(
    children.map((child) => {
      child.stdin.end();
      return new Promise((resolve) => (child.exitCode === null ? child.once('close', resolve) : resolve(0)));
    }),
  );
  assert.equal(existsSync(file), false, 'released');
});
