import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { englishWords } from '../helpers/polish.js';
import { cleanEnv, type DoctorResult, PROJECT, parseJson, provisioned, waitFor } from '../helpers/sandbox.js';
import { startSshd } from '../helpers/sshd.js';
import { lines } from '../helpers/text.js';

type Doctor = DoctorResult;

const status = (d: Doctor, id: string) => d.checks.find((c) => c.id === id)?.status;
const notPassing = (d: Doctor) =>
  d.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}=${c.status}: ${c.detail}`);
const failing = (d: Doctor) => d.checks.filter((c) => c.status === 'fail').map((c) => c.id);

test('a healthy sandbox passes every check (the factory config warns that it is open to the LAN)', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const run = await box.cli(['doctor', '--json']);
  const doctor = parseJson<Doctor>(run);
  assert.equal(run.code, 0, run.stdout);
  assert.deepEqual(Object.keys(doctor).sort(), ['checks', 'command', 'counts', 'ok', 'target']);
  assert.equal(doctor.target, 'local');
  const tally = (status: string) => doctor.checks.filter((c) => c.status === status).length;
  assert.deepEqual(doctor.counts, { pass: tally('pass'), warn: tally('warn'), fail: tally('fail') });
  for (const id of [
    'mosquitto.installed',
    'mosquitto.version',
    'config.present',
    'config.valid',
    'pm2.process',
    'startup.registered',
    'android.phantom',
    'android.watchdog',
    'broker.listening',
    'broker.roundtrip',
    'disk.space',
    'log.errors',
  ]) {
    assert.equal(status(doctor, id), 'pass', `${id}: ${notPassing(doctor).join('; ')}`);
  }
  const security = doctor.checks.find((c) => c.id === 'config.security')!;
  assert.equal(security.status, 'warn');
  assert.match(security.detail, /anonymous clients are allowed on 0\.0\.0\.0/);
  assert.ok(security.hint);
});

test('a stopped broker fails pm2.process and broker.roundtrip with hints; --fix brings it back', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  assert.equal(box.pm2(['stop', 'mqtt']).code, 0);
  const run = await box.cli(['doctor', '--json']);
  const doctor = parseJson<Doctor>(run);
  assert.equal(run.code, 1);
  for (const id of ['pm2.process', 'broker.roundtrip']) {
    const check = doctor.checks.find((c) => c.id === id)!;
    assert.equal(check.status, 'fail');
    assert.match(check.hint ?? '', /gate-mqtt/);
  }
  const fixed = await box.cli(['doctor', '--fix', '--json']);
  const after = parseJson<Doctor>(fixed);
  assert.equal(fixed.code, 0, notPassing(after).join('\n'));
  assert.equal(after.before?.find((c) => c.id === 'pm2.process')?.status, 'fail');
  assert.ok(after.fixes?.some((f) => f.id === 'pm2.process' && f.ok));
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('a garbage config fails config.valid without crashing, and --fix does not touch it', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const garbage = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0xfe, 0x0a]);
  writeFileSync(box.paths.configFile, garbage);
  const run = await box.cli(['doctor', '--json']);
  const doctor = parseJson<Doctor>(run);
  assert.equal(run.code, 1);
  assert.equal(status(doctor, 'config.valid'), 'fail');
  assert.match(doctor.checks.find((c) => c.id === 'config.valid')!.detail, /binary/);
  await box.cli(['doctor', '--fix', '--json']);
  const { readFileSync } = await import('node:fs');
  assert.deepEqual(readFileSync(box.paths.configFile), garbage);
  const text = await box.cli(['doctor', '--json']);
  assert.equal(status(parseJson<Doctor>(text), 'config.valid'), 'fail');
  writeFileSync(box.paths.configFile, `listener ${box.port} 0.0.0.0\nallow_anonymous true\nno_such_thing 1\n`);
  const unknown = parseJson<Doctor>(await box.cli(['doctor', '--json']));
  assert.match(
    unknown.checks.find((c) => c.id === 'config.valid')!.detail,
    /mosquitto\.conf:3: unknown option "no_such_thing"/,
  );
});

test('a deleted boot hook fails startup.registered and --fix restores it', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  rmSync(box.paths.bootHook);
  const doctor = parseJson<Doctor>(await box.cli(['doctor', '--json']));
  assert.equal(status(doctor, 'startup.registered'), 'fail');
  const fixed = await box.cli(['doctor', '--fix', '--json']);
  assert.equal(fixed.code, 0, fixed.stdout);
  assert.equal(status(parseJson<Doctor>(fixed), 'startup.registered'), 'pass');
});

test('a config with a password that others can read fails config.security', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  writeFileSync(
    box.paths.configFile,
    lines(
      `listener ${box.port} 127.0.0.1`,
      'allow_anonymous true',
      'connection b',
      'address 127.0.0.1:1',
      'remote_password hunter2',
    ),
    { mode: 0o644 },
  );
  const doctor = parseJson<Doctor>(await box.cli(['doctor', '--json']));
  const security = doctor.checks.find((c) => c.id === 'config.security')!;
  assert.equal(security.status, 'fail');
  assert.match(security.detail, /holds a password but its mode is 644/);
  assert.ok(!JSON.stringify(doctor).includes('hunter2'));
});

test('a bridge that cannot connect fails bridge.<name>; a connected one passes', { timeout: 90_000 }, async (t) => {
  const remote = await provisioned(t);
  const box = await provisioned(t);
  const config = lines(
    `listener ${box.port} 0.0.0.0`,
    'allow_anonymous true',
    '',
    'connection upstream',
    `address 127.0.0.1:${remote.port}`,
    'topic supla/# in',
    '',
    'connection deadend',
    'address 127.0.0.1:1',
    'topic x/# out',
  );
  const file = path.join(box.root, 'bridged.conf');
  writeFileSync(file, config);
  assert.equal((await box.cli(['config', 'apply', file])).code, 0);
  // The bridge connects on its own schedule after the restart: poll doctor until it reports it (or time out).
  let doctor = parseJson<Doctor>(await box.cli(['doctor', '--json']));
  await waitFor(
    'bridge.upstream to pass',
    async () => {
      doctor = parseJson<Doctor>(await box.cli(['doctor', '--json']));
      return status(doctor, 'bridge.upstream') === 'pass';
    },
    20_000,
  ).catch(() => undefined);
  assert.equal(status(doctor, 'bridge.upstream'), 'pass', notPassing(doctor).join('\n'));
  assert.equal(status(doctor, 'bridge.deadend'), 'fail');
});

test('doctor over ssh to a real OpenSSH server on loopback', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  const sshd = await startSshd(t);
  const started = Date.now();
  const run = await box.cli([
    'doctor',
    '--target',
    `ssh://${sshd.user}@127.0.0.1:${sshd.port}`,
    '--ssh-config',
    sshd.clientConfig,
    '--json',
  ]);
  const doctor = parseJson<Doctor>(run);
  assert.equal(run.code, 0, `${notPassing(doctor).join('\n')}\n${run.stderr}`);
  assert.equal(doctor.target, `ssh://${sshd.user}@127.0.0.1:${sshd.port}`);
  assert.equal(status(doctor, 'broker.roundtrip'), 'pass');
  assert.equal(status(doctor, 'broker.reachable'), 'pass');
  t.diagnostic(`doctor over ssh took ${Date.now() - started} ms`);
  const refused = await box.cli([
    'doctor',
    '--target',
    `ssh://nobody-here@127.0.0.1:${sshd.port}`,
    '--ssh-config',
    sshd.clientConfig,
    '--json',
  ]);
  assert.equal(refused.code, 1);
  assert.match(parseJson<{ error: { message: string } }>(refused).error.message, /refused the login of nobody-here/);
});

test('doctor over adb, against a recorded stand-in for adb (no Android device can exist here)', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  // The stand-in is an Android 14 device with the phantom process killer on; it records what is changed.
  const env = cleanEnv({ ADB: path.join(PROJECT, 'test', 'fixtures', 'fake-adb') });
  const adb = (...args: string[]) => box.cli(['doctor', '--target', 'adb://emulator-5554', ...args], { env });
  const changes = path.join(box.root, 'data', 'system', 'changes');
  const run = await adb('--json');
  const doctor = parseJson<Doctor>(run);
  assert.equal(run.code, 1, notPassing(doctor).join('\n'));
  assert.equal(doctor.target, 'adb://emulator-5554');
  assert.equal(status(doctor, 'broker.roundtrip'), 'pass');
  assert.deepEqual(failing(doctor), ['android.phantom'], notPassing(doctor).join('\n'));
  assert.match(doctor.checks.find((c) => c.id === 'android.phantom')!.detail, /SDK 34 may kill pm2 .*limit 32/);
  assert.equal(existsSync(changes), false, 'reading the settings changes nothing');
  const polish = await adb('--lang', 'pl');
  const shown = polish.stdout.split('\n');
  const row = shown.findIndex((line) => /^ +BŁĄD +android\.phantom /.test(line));
  const phantom = shown.slice(row, row + 2).join('\n'); // the row and its hint
  assert.match(
    phantom,
    /BŁĄD +android\.phantom +Android SDK 34 może zabić pm2.*\n +-> uruchom: gate-mqtt doctor --fix/,
  );
  assert.deepEqual(englishWords(phantom), [], phantom);

  const fixed = await adb('--fix', '--json');
  const after = parseJson<Doctor>(fixed);
  assert.equal(fixed.code, 0, notPassing(after).join('\n'));
  assert.equal(after.before?.find((c) => c.id === 'android.phantom')?.status, 'fail');
  assert.deepEqual(
    after.fixes?.map((f) => [f.id, f.ok]),
    [['android.phantom', true]],
  );
  assert.equal(status(after, 'android.phantom'), 'pass');
  assert.deepEqual(readFileSync(changes, 'utf8').trim().split('\n'), [
    'device_config set_sync_disabled_for_tests persistent',
    'device_config put activity_manager max_phantom_processes 2147483647',
    'settings put global settings_enable_monitor_phantom_procs false',
  ]);
  const again = await adb('--json');
  assert.equal(again.code, 0, again.stdout);
  assert.match(parseJson<Doctor>(again).checks.find((c) => c.id === 'android.phantom')!.detail, /killer off/);
  const unknown = await box.cli(['doctor', '--target', 'adb://no-such-serial', '--json'], { env });
  assert.equal(unknown.code, 1);
});

test('--fix refuses remote targets and bad targets are exit 2', async () => {
  const { runCli } = await import('../helpers/sandbox.js');
  assert.equal((await runCli(['doctor', '--target', 'ftp://x', '--json'])).code, 2);
  assert.equal((await runCli(['doctor', '--target', 'ssh://a@b:99999', '--json'])).code, 2);
  assert.equal((await runCli(['doctor', '--fix', '--target', 'ssh://a@b', '--root', '/tmp/none', '--json'])).code, 2);
});

test('a broker restarted on purpose (config apply) is not taken for a crash loop', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const file = path.join(box.root, 'next.conf');
  writeFileSync(file, `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 90\n`);
  assert.equal((await box.cli(['config', 'apply', file])).code, 0);
  assert.ok((box.mqtt()?.restarts ?? 0) >= 1, 'pm2 counted the restart');
  const doctor = parseJson<Doctor>(await box.cli(['doctor', '--json']));
  assert.equal(status(doctor, 'pm2.process'), 'pass', notPassing(doctor).join('\n'));
});
