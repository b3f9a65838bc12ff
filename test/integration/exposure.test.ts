import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import { roundTrip } from '../helpers/mqtt.js';
import { parseJson, type Result, sandbox } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

const PASSWORD = 'door-Key 77';

test('provision --auth: anonymous clients are refused, the user is accepted, nothing leaks', {
  timeout: 90_000,
}, async (t) => {
  const box = await sandbox(t);
  chmodSync(box.root, 0o755); // started as root, mosquitto reads the password file as its own user
  const args = ['provision', '--port', String(box.port), '--auth', '--username', 'hass', '--password-stdin', '--json'];
  const run = await box.cli(args, { input: `${PASSWORD}\n` });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD));
  const config = readFileSync(box.paths.configFile, 'utf8');
  assert.equal(
    config,
    lines(
      '# AIS Config file for mosquitto on gate',
      `listener ${box.port} 0.0.0.0`,
      'allow_anonymous false',
      `password_file ${box.paths.passwordFile}`,
    ),
  );
  const passwords = readFileSync(box.paths.passwordFile, 'utf8');
  assert.match(passwords, /^hass:\$7\$101\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+\n$/);
  assert.ok(!passwords.includes(PASSWORD), 'only the hash is stored');
  assert.equal(statSync(box.paths.passwordFile).mode & 0o777, 0o600);

  const anonymous = await roundTrip({ host: '127.0.0.1', port: box.port });
  assert.equal(anonymous.ok, false);
  assert.equal(anonymous.ok === false && anonymous.refused, true, 'refused by the broker, not unreachable');
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, username: 'hass', password: 'wrong' })).ok, false);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, username: 'hass', password: PASSWORD })).ok, true);

  const again = await box.cli(args, { input: `${PASSWORD}\n` });
  assert.equal(parseJson<Result>(again).changed, false, again.stdout);

  const doctor = parseJson<{ checks: Array<{ id: string; status: string }> }>(await box.cli(['doctor', '--json']));
  assert.equal(doctor.checks.find((c) => c.id === 'config.security')?.status, 'pass');
  for (const file of [`${box.paths.pm2Home}/dump.pm2`, `${box.paths.logDir}/provision.log`])
    assert.ok(!readFileSync(file, 'utf8').includes(PASSWORD), file);
});

test('provision --auth replaces an untouched factory config (with a backup), never a hand-edited one', {
  timeout: 90_000,
}, async (t) => {
  const box = await sandbox(t);
  chmodSync(box.root, 0o755);
  assert.equal((await box.cli(['provision', '--port', String(box.port)])).code, 0);
  const run = await box.cli(
    ['provision', '--port', String(box.port), '--auth', '--username', 'u', '--password-stdin', '--json'],
    { input: 'pw-1' },
  );
  assert.equal(run.code, 0, run.stdout);
  assert.match(readFileSync(box.paths.configFile, 'utf8'), /allow_anonymous false/);
  const backups = parseJson<{ backups: Array<{ reason: string }> }>(await box.cli(['config', 'backups', '--json']));
  assert.ok(backups.backups.some((b) => b.reason === 'provision-auth'));
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, username: 'u', password: 'pw-1' })).ok, true);
  // reset goes back to the factory (anonymous) state and removes the password file it made
  assert.equal((await box.cli(['reset', '--yes', '--port', String(box.port)])).code, 0);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
  assert.throws(() => statSync(box.paths.passwordFile));
});

test('--auth refuses a bad user name or a password with a newline, before anything is written', {
  timeout: 30_000,
}, async (t) => {
  const box = await sandbox(t);
  const bad = await box.cli(['provision', '--auth', '--username', 'a:b', '--password-stdin', '--json'], {
    input: 'pw',
  });
  assert.equal(bad.code, 2);
  const newline = await box.cli(['provision', '--auth', '--username', 'ab', '--password-stdin', '--json'], {
    input: 'pw\ninjected\n',
  });
  assert.equal(newline.code, 2);
  assert.throws(() => statSync(box.paths.configFile));
});
