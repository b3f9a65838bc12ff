import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GateError } from '../../src/model/errors.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { describeTarget, parseTarget, transportFor } from '../../src/pty/transports.js';

const profile = resolveProfile({ root: '/tmp/box', environment: {} }, true);

test("doctor targets: local, ssh with Termux's port 8022 by default, adb with or without a serial", () => {
  assert.deepEqual(parseTarget(undefined), { kind: 'local' });
  assert.deepEqual(parseTarget('ssh://u0_a123@192.168.1.20'), {
    kind: 'ssh',
    user: 'u0_a123',
    host: '192.168.1.20',
    port: 8022,
  });
  assert.deepEqual(parseTarget('ssh://me@[fe80::1]:2222'), { kind: 'ssh', user: 'me', host: 'fe80::1', port: 2222 });
  assert.deepEqual(parseTarget('adb'), { kind: 'adb', serial: undefined });
  assert.deepEqual(parseTarget('adb://emulator-5554'), { kind: 'adb', serial: 'emulator-5554' });
  assert.equal(describeTarget(parseTarget('ssh://a@b')), 'ssh://a@b:8022');
});

test('malformed targets are exit 2', () => {
  for (const bad of [
    'ftp://x',
    'ssh://a@b:99999',
    'ssh://@b',
    'ssh://a@',
    'adb://',
    'ssh://a b@c',
    'ssh://-F.@host',
    'ssh://a@-oProxy',
    'adb://-a',
  ]) {
    assert.throws(
      () => parseTarget(bad),
      (e: unknown) => e instanceof GateError && e.exitCode === 2,
      bad,
    );
  }
});

test('ssh runs a plain sh in batch mode with a tty and the device layout exported; adb gets its serial', () => {
  const ssh = transportFor(parseTarget('ssh://u@gw:8022'), profile, { sshConfig: '/cfg' });
  assert.equal(ssh.file, 'ssh');
  assert.ok(ssh.args.includes('BatchMode=yes') && ssh.args.includes('-tt'));
  assert.deepEqual(
    ssh.args.slice(-5),
    ['-F', '/cfg', '--', 'u@gw', 'exec sh -i'],
    'the destination comes after --, then a plain shell instead of a login',
  );
  assert.match(ssh.setup[0] ?? '', /export PREFIX=.*PM2_HOME=/);
  const adb = transportFor(parseTarget('adb://SER1'), profile, { adb: '/x/adb' });
  assert.deepEqual([adb.file, adb.args], ['/x/adb', ['-s', 'SER1', 'shell']]);
});

test("the local doctor starts the profile's shell with the profile's environment", () => {
  const local = transportFor({ kind: 'local' }, profile);
  assert.equal(local.file, profile.shell);
  assert.deepEqual(local.env, profile.env);
});
