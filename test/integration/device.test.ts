import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { brokersServing } from '../../src/broker/orphans.js';
import { factoryConfig } from '../../src/config/factory.js';
import { processAlive, readProcessStat } from '../../src/platform/process-info.js';
import { RC_MARKER, RC_NOISE, writeHostileRcFiles } from '../helpers/lane.js';
import { roundTrip } from '../helpers/mqtt.js';
import {
  CLI,
  cleanEnv,
  type DoctorResult,
  parseJson,
  provisioned,
  type Result,
  type Sandbox,
  sandbox,
  waitFor,
} from '../helpers/sandbox.js';
import { startSshd } from '../helpers/sshd.js';

/** What a real gateway has and a clean CI box does not: rc files, a killed pm2 daemon, stale runs. */

function hostileHome(t: { after(fn: () => void): void }): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'gmt-home-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  writeHostileRcFiles(home);
  return home;
}

/** Kills the pm2 daemon as Android's phantom-process killer does: SIGKILL, children left running. */
async function killPm2Daemon(box: Sandbox): Promise<void> {
  const pid = Number(readFileSync(path.join(box.paths.pm2Home, 'pm2.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  await waitFor('the pm2 daemon to be gone', () => !processAlive(pid));
}

/** After recovery: exactly one broker serves the config, it is pm2's `mqtt`, and it answers. */
async function exactlyOneBrokerUnderPm2(box: Sandbox, orphan: number, port = box.port): Promise<void> {
  const brokers = await brokersServing(box.paths.configFile);
  const mqtt = box.mqtt();
  assert.equal(mqtt?.status, 'online');
  assert.deepEqual(
    brokers.map((b) => b.pid),
    [mqtt?.pid],
    'one broker, the one pm2 runs',
  );
  assert.notEqual(mqtt?.pid, orphan);
  assert.equal(processAlive(orphan), false, 'the orphan is gone (or a zombie init has not reaped yet)');
  assert.equal((await roundTrip({ host: '127.0.0.1', port })).ok, true);
}

test('rc files are never read: provision, status and doctor print clean output with a slow, noisy .bashrc', {
  timeout: 90_000,
}, async (t) => {
  const box = await sandbox(t);
  const home = hostileHome(t);
  const env = cleanEnv({ HOME: home });
  for (const args of [
    ['provision', '--port', String(box.port), '--json'],
    ['status', '--json'],
    ['doctor', '--json'],
  ]) {
    const run = await box.cli(args, { env });
    const doc = parseJson<{ ok: boolean }>(run);
    assert.equal(doc.ok, true, `${args[0]}: ${run.stdout}`);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(RC_NOISE), args[0]);
  }
  const plain = await box.cli(['provision', '--port', String(box.port)], { env });
  assert.equal(plain.code, 0);
  assert.doesNotMatch(plain.stdout + plain.stderr, new RegExp(RC_NOISE));
  for (const dir of [home, box.paths.home])
    assert.equal(existsSync(path.join(dir, RC_MARKER)), false, `${dir}: an rc file ran`);
});

test('a broker binary that hangs is reported as a timeout naming it, not as a missing version', {
  timeout: 60_000,
}, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.bin, { recursive: true });
  const fake = path.join(box.paths.bin, 'mosquitto');
  writeFileSync(fake, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(parseJson<Result>(run).error?.message, `${fake} -h timed out after 10000 ms (stopped)`);
});

const RECOVERIES: Array<[string, (box: Sandbox) => string[]]> = [
  ['provision', (box) => ['provision', '--port', String(box.port)]],
  ['doctor --fix', () => ['doctor', '--fix', '--json']],
  ['reset --yes', (box) => ['reset', '--yes', '--port', String(box.port)]],
  [
    'config apply',
    (box) => {
      const file = path.join(box.root, 'next.conf');
      writeFileSync(file, `${factoryConfig(box.port)}max_keepalive 120\n`);
      return ['config', 'apply', file];
    },
  ],
];

for (const [name, args] of RECOVERIES) {
  test(`pm2 daemon killed, broker orphaned: ${name} ends with exactly one broker, under pm2, answering`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await provisioned(t);
    const orphan = box.mqtt()!.pid;
    await killPm2Daemon(box);
    assert.deepEqual(
      (await brokersServing(box.paths.configFile)).map((b) => b.pid),
      [orphan],
      'the broker runs on, orphaned',
    );
    if (name === 'doctor --fix') {
      const before = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
      const check = before.checks.find((c) => c.id === 'broker.orphan');
      assert.equal(check?.status, 'fail');
      assert.match(check?.detail ?? '', new RegExp(`pid ${orphan} since \\d{4}-`));
      assert.match(check?.hint ?? '', /doctor --fix/);
    }
    const run = await box.cli(args(box));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    await exactlyOneBrokerUnderPm2(box, orphan);
    if (name !== 'doctor --fix') assert.match(run.stdout, /a broker outside pm2 was replaced/);
  });
}

test('uninstall after Android killed the pm2 daemon ends the orphaned broker too', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  const orphan = box.mqtt()!.pid;
  await killPm2Daemon(box);
  const run = await box.cli(['uninstall', '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(JSON.stringify(parseJson(run)), /1 broker\(s\) outside pm2|1 broker outside pm2/);
  await waitFor('no broker of this gateway', async () => (await brokersServing(box.paths.configFile)).length === 0);
  assert.equal(processAlive(orphan), false, 'the orphan is gone');
  assert.equal(existsSync(box.paths.bootHook), false);
});

test('another program on the port is named and left alone', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const squatter = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => squatter.listen(box.port, '127.0.0.1', resolve));
  t.after(() => squatter.close());
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 1, run.stdout);
  assert.match(
    parseJson<Result>(run).error?.message ?? '',
    new RegExp(`port ${box.port} is in use by pid ${process.pid} \\(node`),
  );
  assert.equal(squatter.listening, true, 'left alone');
});

test('a run killed with SIGKILL and not yet reaped (a zombie) does not hold the lock', {
  timeout: 60_000,
}, async (t) => {
  const box = await sandbox(t);
  // The run's parent execs into sleep and never reaps it: the killed run stays a zombie.
  const env = cleanEnv({ GATE_MQTT_CRASH_AT: 'after:preflight.lock' });
  const cli = `'${process.execPath}' '${CLI}' provision --root '${box.root}' --port ${box.port}`;
  const parent = spawn('/bin/sh', ['-c', `${cli} >/dev/null 2>&1 & exec sleep 60`], { env, stdio: 'ignore' });
  t.after(() => parent.kill('SIGKILL'));
  const holder = await waitFor('the killed run to be a zombie', () => {
    const pid = existsSync(box.paths.lockFile)
      ? (JSON.parse(readFileSync(box.paths.lockFile, 'utf8')) as { pid: number }).pid
      : 0;
    return readProcessStat(pid)?.state === 'Z' ? pid : undefined;
  });
  assert.ok(holder > 0);
  const run = await box.cli(['provision', '--port', String(box.port)]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
});

test('the run log is never written through a link planted at its name', { timeout: 60_000 }, async (t) => {
  const box = await sandbox(t);
  const victim = path.join(box.root, 'victim');
  writeFileSync(victim, 'precious\n');
  mkdirSync(box.paths.logDir, { recursive: true });
  symlinkSync(victim, path.join(box.paths.logDir, 'provision.log'));
  const run = await box.cli(['provision', '--port', String(box.port)]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
  assert.match(run.stderr, /not writing the run log .*symbolic link/);
});

test('--root with --prefix / keeps HOME, pm2 and the boot hook below the root; an empty --root is exit 2', {
  timeout: 60_000,
}, async (t) => {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--prefix', '/', '--port', String(box.port)]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  for (const file of ['etc/mosquitto/mosquitto.conf', 'home/.pm2/dump.pm2', 'home/.termux/boot/start-mqtt']) {
    assert.ok(existsSync(path.join(box.root, file)), file);
  }
  const empty = await box.cli(['provision', '--root', '', '--json'], { root: false });
  assert.equal(empty.code, 2);
  assert.match(parseJson<Result>(empty).error?.message ?? '', /option "--root" needs a value/);
});

test('a password file that never ends, or a FIFO nobody writes, is refused at once', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const before = readFileSync(box.paths.configFile, 'utf8');
  const args = ['bridge', 'add', 'supla', '--id', 'g', '--address', '127.0.0.1:1', '--username', 'u', '--json'];
  const zero = await box.cli([...args, '--password-file', '/dev/zero']);
  assert.equal(zero.code, 2);
  assert.match(parseJson<Result>(zero).error?.message ?? '', /longer than 4096 bytes/);
  const fifo = path.join(box.root, 'fifo');
  spawn('mkfifo', [fifo]).once('close', () => undefined);
  await waitFor('the FIFO', () => existsSync(fifo));
  const hang = await box.cli([...args, '--password-file', fifo]);
  assert.equal(hang.code, 2);
  assert.match(parseJson<Result>(hang).error?.message ?? '', /nothing to read within 5000 ms/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before);
});

test('an unwritable TMPDIR does not make a valid config invalid', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const run = await box.cli(['config', 'validate', box.paths.configFile], {
    env: cleanEnv({ TMPDIR: '/proc/no-such-tmp' }),
  });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /valid \(model and a trial start of mosquitto\)/);
});

test('doctor over ssh gets through a slow, noisy login and says what it waits for', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  const sshd = await startSshd(t, { forceCommand: `/bin/sh -c "echo ${RC_NOISE}; sleep 5; exec /bin/sh -i"` });
  const target = `ssh://${sshd.user}@127.0.0.1:${sshd.port}`;
  const run = await box.cli(['doctor', '--target', target, '--ssh-config', sshd.clientConfig, '--json']);
  const doctor = parseJson<DoctorResult>(run);
  assert.equal(doctor.checks.find((c) => c.id === 'broker.roundtrip')?.status, 'pass', run.stdout);
  assert.match(run.stderr, /still waiting for the shell on ssh:\/\/.*login scripts .* are slow/);
  assert.doesNotMatch(run.stdout, new RegExp(RC_NOISE));
});
