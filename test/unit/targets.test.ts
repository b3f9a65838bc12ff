import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GateError } from '../../src/model/errors.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { describeTarget, parseTarget, sshKexPreference, sshTarget, transportFor } from '../../src/pty/transports.js';

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

test("an inventory host's connection: key, its ssh args, then a site's key exchange; ssh picks port and user", () => {
  const target = sshTarget({ host: 'gw', identity: '/k', options: ['-o', 'KexAlgorithms=curve25519-sha256'] });
  const ssh = transportFor(target, profile, { kex: '^curve25519-sha256' });
  assert.ok(!ssh.args.includes('-p'), 'no port: ssh chooses (its config, or 22), as Ansible leaves it');
  assert.deepEqual(
    ssh.args.slice(-9),
    [
      '-i',
      '/k',
      '-o',
      'KexAlgorithms=curve25519-sha256',
      '-o',
      'KexAlgorithms=^curve25519-sha256',
      '--',
      'gw',
      'exec sh -i',
    ],
    "the inventory's own -o comes first, so it wins (ssh takes the first value of an option)",
  );
});

test("a site's key exchange: ML-KEM where ssh has it, else curve25519 ahead of sntrup761, else ssh's own", () => {
  assert.equal(
    sshKexPreference('curve25519-sha256\nsntrup761x25519-sha512\nmlkem768x25519-sha256\n'),
    '^mlkem768x25519-sha256',
  );
  assert.equal(
    sshKexPreference('ecdh-sha2-nistp256\ncurve25519-sha256\nsntrup761x25519-sha512@openssh.com\n'),
    '^curve25519-sha256',
  );
  assert.equal(sshKexPreference('diffie-hellman-group14-sha256\n'), undefined);
});

test("the local doctor starts the profile's shell with the profile's environment", () => {
  const local = transportFor({ kind: 'local' }, profile);
  assert.equal(local.file, profile.shell);
  assert.deepEqual(local.env, profile.env);
});
