import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import { roundTrip } from '../helpers/mqtt.js';
import { cleanEnv, parseJson, provisioned, type Result, runCli, sandbox, waitFor } from '../helpers/sandbox.js';

function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

test('a fresh provision brings a working broker, a second run changes nothing', { timeout: 90_000 }, async (t) => {
  const box = await sandbox(t);
  const first = await box.cli(['provision', '--port', String(box.port), '--json']);
  const result = parseJson<Result>(first);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.equal(result.ok, true);
  assert.equal(result.changed, true);
  assert.equal(
    readFileSync(box.paths.configFile, 'utf8'),
    `# AIS Config file for mosquitto on gate\nlistener ${box.port} 0.0.0.0\nallow_anonymous true\n`,
  );
  const before = box.mqtt();
  assert.equal(before?.status, 'online');
  const trip = await roundTrip({ host: '127.0.0.1', port: box.port });
  assert.equal(trip.ok, true, JSON.stringify(trip));
  const hook = statSync(box.paths.bootHook);
  assert.ok(hook.mode & 0o100, 'boot hook is executable');
  const dump = JSON.parse(readFileSync(path.join(box.paths.pm2Home, 'dump.pm2'), 'utf8')) as Array<{ name: string }>;
  assert.deepEqual(
    dump.map((p) => p.name),
    ['mqtt', 'mqtt-keeper'],
  );
  assert.match(readFileSync(path.join(box.paths.logDir, 'provision.log'), 'utf8'), /end: ok, changed: true/);

  const second = await box.cli(['provision', '--port', String(box.port), '--json']);
  const again = parseJson<Result>(second);
  assert.equal(second.code, 0);
  assert.equal(again.changed, false);
  assert.ok(
    again.steps.every((s) => !s.changed),
    JSON.stringify(again.steps.filter((s) => s.changed)),
  );
  assert.deepEqual(box.mqtt(), before, 'pid and restart count unchanged');
});

test('the pm2 dump and process list carry only the minimal environment', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--port', String(box.port)], {
    env: cleanEnv({ SECRET_TOKEN: 'do-not-leak-42' }),
  });
  assert.equal(run.code, 0, run.stderr);
  const dump = readFileSync(path.join(box.paths.pm2Home, 'dump.pm2'), 'utf8');
  assert.doesNotMatch(dump, /do-not-leak-42/);
  assert.doesNotMatch(box.pm2(['jlist']).stdout, /do-not-leak-42/);
});

test('the boot hook brings the broker back after the pm2 daemon is gone', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  assert.equal((await box.cli(['provision', '--port', String(box.port)])).code, 0);
  box.pm2(['kill']);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, timeoutMs: 1000 })).ok, false);
  const hook = spawnSync(box.paths.bootHook, { env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(hook.status, 0, hook.stderr);
  let trip = await roundTrip({ host: '127.0.0.1', port: box.port, timeoutMs: 2000 });
  for (let i = 0; i < 20 && !trip.ok; i++)
    trip = await roundTrip({ host: '127.0.0.1', port: box.port, timeoutMs: 500 });
  assert.equal(trip.ok, true);
});

test('a hand-edited config is kept and reported as drift', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const edited = `# my own\nlistener ${box.port} 127.0.0.1\nallow_anonymous true\nmax_keepalive 120\n`;
  mkdirSync(path.dirname(box.paths.configFile), { recursive: true });
  writeFileSync(box.paths.configFile, edited);
  const run = await box.cli(['provision', '--json']);
  const result = parseJson<Result>(run);
  assert.equal(run.code, 0, run.stdout);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), edited);
  const step = result.steps.find((s) => s.id === 'config.factory');
  assert.equal(step?.changed, false);
  assert.match(step?.detail ?? '', /drift/);
  assert.match(step?.warning ?? '', /gate-mqtt reset brings the factory config back/);
  // Without --json (piped: plain lines), the drift carries a warning mark, not an ok.
  const plain = await box.cli(['provision']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /\[WARNING\][^\n]*drift/);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('a factory config on another port is kept; a warning only when --port asked for another', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const factory = (args: string[]) =>
    box
      .cli(['provision', ...args, '--json'])
      .then((run) => parseJson<Result>(run).steps.find((s) => s.id === 'config.factory'));
  const plain = await factory([]); // no --port: the default 1883 was not asked for
  assert.equal(plain?.detail, `factory config in place (listener ${box.port})`);
  assert.equal(plain?.warning, undefined);
  const other = box.port === 1883 ? 1884 : 1883;
  const asked = await factory(['--port', String(other)]);
  assert.match(asked?.detail ?? '', new RegExp(`kept it, although --port ${other} was asked`));
  assert.match(asked?.warning ?? '', /gate-mqtt config apply/);
});

test('--dry-run changes nothing on disk or in pm2 and lists what it would do', { timeout: 30_000 }, async (t) => {
  const box = await sandbox(t);
  const before = tree(box.root); // what the lane put there (rc files; a Termux-shaped prefix)
  const run = await box.cli(['provision', '--port', String(box.port), '--dry-run', '--json']);
  const result = parseJson<Result & { planned: string[] }>(run);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.deepEqual(tree(box.root), before, 'nothing was added to the sandbox');
  assert.ok(result.planned.some((line) => line.includes(box.paths.configFile)));
  assert.ok(result.planned.some((line) => line.includes('start')));
  assert.equal(existsSync(box.paths.pm2Home), false, 'no pm2 daemon was spawned');
});

test('JSON output is one document with the documented shape', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  const result = parseJson<Result>(run);
  assert.deepEqual(Object.keys(result).sort(), ['changed', 'command', 'error', 'ok', 'steps']);
  assert.equal(result.command, 'provision');
  assert.equal(result.error, null);
  for (const step of result.steps) {
    const keys = Object.keys(step).filter((key) => key !== 'restart');
    assert.deepEqual(keys.sort(), ['changed', 'detail', 'id', 'status', 'title']);
    assert.ok(['done', 'skipped', 'failed'].includes(step.status));
  }
  // Only the step that started the broker carries a restart record, with its reason.
  const started = result.steps.filter((s) => s.restart);
  assert.deepEqual(
    started.map((s) => [s.id, s.restart]),
    [['pm2.process', ['broker-down']]],
  );
  assert.match(started[0]?.detail ?? '', /started: the broker was not running/);
  assert.deepEqual(
    result.steps.map((s) => s.id),
    [
      'preflight.node',
      'preflight.lock',
      'preflight.disk',
      'preflight.journal',
      'mosquitto.install',
      'mosquitto.version',
      'pm2.installed',
      'config.folders',
      'config.factory',
      'network.exposure',
      'pm2.process',
      'verify.roundtrip',
      'pm2.keeper',
      'pm2.save',
      'startup.hook',
      'startup.watchdog',
    ],
  );
});

test('outside Termux and without --root it refuses with exit 4', async () => {
  const run = await runCli(['provision', '--json']);
  assert.equal(run.code, 4);
  assert.match(parseJson<{ error: { message: string } }>(run).error.message, /not a Termux gateway/);
});

test('a live run holding the lock makes a second run exit 3 without changes', { timeout: 30_000 }, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.stateDir, { recursive: true });
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  writeFileSync(
    box.paths.lockFile,
    JSON.stringify({ pid: process.pid, bootId, command: 'provision', started: new Date().toISOString() }),
  );
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 3, run.stdout);
  assert.equal(existsSync(box.paths.configFile), false);
  assert.equal(existsSync(box.paths.pm2Home), false);
});

test('two provisions at once: exactly one does the work, the other exits 3 having done nothing', {
  timeout: 90_000,
}, async (t) => {
  const box = await sandbox(t);
  // The first run is held right after taking the lock until the second one has been refused.
  const go = path.join(box.root, 'go');
  const env = cleanEnv({ GATE_MQTT_PAUSE_AT: 'after:preflight.lock', GATE_MQTT_PAUSE_UNTIL: go });
  const first = box.cli(['provision', '--port', String(box.port), '--json'], { env });
  await waitFor('the first run to hold the lock', () => existsSync(box.paths.lockFile), 30_000);
  const second = await box.cli(['provision', '--port', String(box.port), '--json']);
  const refused = parseJson<Result>(second);
  assert.equal(second.code, 3, second.stdout);
  assert.equal(refused.changed, false);
  assert.deepEqual(
    refused.steps.map((s) => [s.id, s.status]),
    [
      ['preflight.node', 'done'],
      ['preflight.lock', 'failed'],
    ],
  );
  assert.equal(existsSync(box.paths.configFile), false, 'the refused run wrote nothing and the held one has not yet');
  writeFileSync(go, '');
  const done = await first;
  assert.equal(done.code, 0, done.stdout);
  assert.equal(parseJson<Result>(done).changed, true);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
});

test('a stale lock from a killed run does not block the next run', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.stateDir, { recursive: true });
  writeFileSync(
    box.paths.lockFile,
    JSON.stringify({ pid: 999_999_999, bootId: 'another-boot', command: 'provision', started: '2020-01-01' }),
  );
  const run = await box.cli(['provision', '--port', String(box.port)]);
  assert.equal(run.code, 0, run.stderr);
});

test('a taken port fails with exit 1 naming the port and leaves no crash loop', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const squatter = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => squatter.listen(box.port, '0.0.0.0', resolve));
  t.after(() => squatter.close());
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  const result = parseJson<Result>(run);
  assert.equal(run.code, 1);
  assert.match(result.error?.message ?? '', new RegExp(`port ${box.port}`));
  // pm2 never restarts a process in "stopped" (only crashed ones): that state is the proof of no crash loop.
  const mqtt = box.mqtt();
  assert.ok(!mqtt || mqtt.status === 'stopped', `mqtt is ${JSON.stringify(mqtt)}`);
});
