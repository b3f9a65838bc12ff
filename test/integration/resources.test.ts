import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../../src/fsx/atomic-write.js';
import { IS_ROOT, skipUnlessRoot } from '../helpers/lane.js';
import { roundTrip } from '../helpers/mqtt.js';
import {
  CLI,
  cleanEnv,
  mountReadOnly,
  parseJson,
  provisioned,
  type Result,
  sandbox,
  sha256File,
  waitFor,
} from '../helpers/sandbox.js';
import { lines, replaceFile } from '../helpers/text.js';

function fill(dir: string): void {
  // dd stops with "No space left on device": that is the point
  spawnSync('dd', ['if=/dev/zero', `of=${path.join(dir, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
}

test('a full disk: apply and bridge add fail with a clear message, the config and broker intact', {
  timeout: 90_000,
}, async (t) => {
  if (skipUnlessRoot(t, 'mounts a small tmpfs')) return;
  const box = await provisioned(t, { tmpfsBytes: 48 * 1024 * 1024 });
  const before = sha256File(box.paths.configFile);
  fill(box.root);
  const file = '/tmp/gate-mqtt-full-disk-candidate.conf';
  writeFileSync(file, `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 100\n`);
  t.after(() => spawnSync('rm', ['-f', file]));
  const apply = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(apply.code, 1, apply.stdout);
  assert.match(parseJson<Result>(apply).error?.message ?? '', /MiB free|no space left/);
  const bridge = await box.cli(
    ['bridge', 'add', 'supla', '--id', 'g', '--address', 'h:1', '--username', 'u', '--password-stdin', '--json'],
    { input: 'pw' },
  );
  assert.equal(bridge.code, 1, bridge.stdout);
  assert.equal(sha256File(box.paths.configFile), before);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('an atomic write that hits a full disk leaves the original and no temp file', { timeout: 30_000 }, async (t) => {
  if (skipUnlessRoot(t, 'mounts a small tmpfs')) return;
  const box = await sandbox(t, { tmpfsBytes: 1024 * 1024 });
  const target = path.join(box.root, 'mosquitto.conf');
  writeFileSync(target, 'original\n');
  fill(box.root);
  await assert.rejects(() => writeFileAtomic(target, 'x'.repeat(512 * 1024)), /ENOSPC/);
  assert.equal(readFileSync(target, 'utf8'), 'original\n');
  assert.deepEqual(
    readdirSync(box.root).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('a read-only config folder: apply fails with a clear message, nothing half-done', {
  timeout: 60_000,
}, async (t) => {
  if (skipUnlessRoot(t, 'bind-mounts a folder read-only')) return;
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  mountReadOnly(box.paths.etcMosquitto);
  const file = path.join(box.root, 'next.conf');
  writeFileSync(file, `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 100\n`);
  const run = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(run.code, 1, run.stdout);
  assert.match(
    parseJson<Result>(run).error?.message ?? '',
    /cannot write .*mosquitto\.conf: read-only file system \(EROFS\)/,
  );
  assert.equal(sha256File(box.paths.configFile), before);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('no mosquitto and no way to install it (not root): exit 4 with a hint', { timeout: 30_000 }, async (t) => {
  const box = await sandbox(t);
  spawnSync('chmod', ['-R', 'a+rwX', box.root]); // nobody may write the sandbox (the lane made folders in it)
  rmSync(path.join(box.paths.bin, 'mosquitto'), { force: true }); // the device lane's prefix has its own
  const env = { ...cleanEnv({ GATE_MQTT_HOST_MOSQUITTO: '/nonexistent/mosquitto' }), HOME: '/tmp' };
  // Not root: as root the test drops to nobody; an unprivileged lane already is not root.
  const asNobody = IS_ROOT ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  const run = spawnSync(
    asNobody[0] ?? process.execPath,
    [
      ...asNobody.slice(1),
      ...(IS_ROOT ? [process.execPath] : []),
      CLI,
      'provision',
      '--root',
      box.root,
      '--port',
      String(box.port),
      '--json',
    ],
    { env, encoding: 'utf8', timeout: 30_000 },
  );
  assert.equal(run.status, 4, run.stdout + run.stderr);
  const result = JSON.parse(run.stdout) as Result & { error: { hint?: string } };
  assert.match(result.error.message, /mosquitto is not installed/);
  assert.match(result.error.hint ?? '', /apt-get install mosquitto/);
  assert.equal(existsSync(box.paths.configFile), false, 'nothing was written before the failing step');
});

test('a pm2 daemon that was killed: provision brings it and the broker back', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  assert.equal(box.pm2(['kill']).code, 0);
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 0, run.stdout);
  assert.equal(parseJson<Result>(run).changed, true);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

const CRASHING_BROKER = lines(
  '#!/bin/sh',
  'case "$1" in -h) echo "mosquitto version 2.0.11"; exit 3;; esac',
  'echo "1: Error: simulated crash at start" >&2',
  'exit 1',
);

test('a broker binary that crashes at start: provision fails naming it and leaves no crash loop', {
  timeout: 60_000,
}, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.bin, { recursive: true });
  replaceFile(path.join(box.paths.bin, 'mosquitto'), CRASHING_BROKER);
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 1, run.stdout);
  assert.match(parseJson<Result>(run).error?.message ?? '', new RegExp(`port ${box.port}.*simulated crash`));
  // pm2 never restarts a process in "stopped" (only crashed ones): that state is the proof of no crash loop.
  assert.equal(box.mqtt()?.status, 'stopped');
});

test('a crash loop under pm2 is slowed by backoff and doctor reports it', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  mkdirSync(box.paths.bin, { recursive: true });
  replaceFile(path.join(box.paths.bin, 'mosquitto'), CRASHING_BROKER);
  const definition = JSON.parse(readFileSync(box.paths.pm2Definition, 'utf8')) as { apps: Array<{ script: string }> };
  definition.apps[0]!.script = path.join(box.paths.bin, 'mosquitto');
  const crashing = path.join(box.root, 'crashing.json');
  writeFileSync(crashing, JSON.stringify(definition));
  box.pm2(['delete', 'mqtt']);
  assert.equal(box.pm2(['start', crashing]).code, 0);
  // With a restart backoff pm2 shows the crashed broker "waiting restart" between attempts (without one it
  // restarts at once and never shows that state); seeing it after a crash proves the backoff works.
  const waiting = await waitFor(
    'mqtt to wait out its backoff after a crash',
    () => {
      const mqtt = box.mqtt();
      return mqtt && mqtt.restarts >= 1 && mqtt.status === 'waiting restart' ? mqtt : undefined;
    },
    20_000,
  );
  assert.equal(waiting.status, 'waiting restart');
  const doctor = parseJson<{ checks: Array<{ id: string; status: string; detail: string }> }>(
    await box.cli(['doctor', '--json']),
  );
  const pm2 = doctor.checks.find((c) => c.id === 'pm2.process')!;
  assert.equal(pm2.status, 'fail');
  assert.match(pm2.detail, /crash loop|restarted/);
});

test('a symlink planted at the lock or the backups folder is not written through', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const victim = path.join(box.root, 'victim.txt');
  writeFileSync(victim, 'precious\n');
  spawnSync('rm', ['-f', box.paths.lockFile]);
  symlinkSync(victim, box.paths.lockFile);
  const run = await box.cli(['provision', '--port', String(box.port)]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');

  const elsewhere = path.join(box.root, 'elsewhere');
  mkdirSync(elsewhere);
  spawnSync('rm', ['-rf', box.paths.backupDir]);
  symlinkSync(elsewhere, box.paths.backupDir);
  const file = path.join(box.root, 'next.conf');
  writeFileSync(file, `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 100\n`);
  const before = sha256File(box.paths.configFile);
  const apply = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(apply.code, 1);
  assert.match(parseJson<Result>(apply).error?.message ?? '', /symbolic link/);
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.equal(sha256File(box.paths.configFile), before, 'no write without its backup');
});

test('a missing pm2 is exit 4 with a hint, before the broker config is touched', { timeout: 30_000 }, async (t) => {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--port', String(box.port), '--json'], {
    env: cleanEnv({ GATE_MQTT_PM2: '/nonexistent/pm2/bin/pm2' }),
  });
  assert.equal(run.code, 4, run.stdout);
  const result = parseJson<Result & { error: { hint?: string } }>(run);
  assert.match(result.error.message, /pm2 is missing at \/nonexistent\/pm2\/bin\/pm2/);
  assert.match(result.error.hint ?? '', /npm ci/);
  assert.equal(existsSync(box.paths.pm2Home), false);
  assert.equal(existsSync(box.paths.configFile), false);
});
