import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { parseJson, provisioned, type Result, type Sandbox } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

/**
 * Reads never follow a link planted at a file's name (what it points at is never shown, copied or
 * restored), and a file's mode is kept when gate-mqtt puts it back.
 */

/** A file only root (or the test's user) reads: what a planted link would try to show. */
function secret(box: Sandbox): string {
  const file = path.join(box.root, 'secret.txt');
  writeFileSync(file, 'TOP-SECRET-CONTENT\n', { mode: 0o600 });
  return file;
}

const plant = (target: string, at: string) => {
  rmSync(at, { force: true });
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
};

test('logs and logs --ours never show what a link planted at a log name points at', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const target = secret(box);
  plant(target, box.paths.brokerLog);
  const logs = await box.cli(['logs']);
  assert.equal(logs.code, 1, logs.stdout + logs.stderr);
  assert.match(logs.stderr, /mqtt\.log is a symbolic link; gate-mqtt does not read through links\nhint: /);
  assert.doesNotMatch(logs.stdout + logs.stderr, /TOP-SECRET/);
  plant(target, path.join(box.paths.logDir, 'planted.log'));
  const ours = await box.cli(['logs', '--ours']);
  assert.equal(ours.code, 0, ours.stderr);
  assert.match(ours.stdout, /planted\.log <==\n\(not shown: .*planted\.log is a symbolic link/);
  assert.match(ours.stdout, /provision\.log <==\n\d{4}-\d\d-\d\d /, 'the other logs are shown');
  assert.doesNotMatch(ours.stdout, /TOP-SECRET/);
});

test('config show and a restore never read a config or a backup through a planted link', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const target = secret(box);
  // A backup whose stored config was swapped for a link: restoring it must not copy the secret in.
  const next = path.join(box.root, 'next.conf');
  writeFileSync(next, lines(`listener ${box.port} 0.0.0.0`, 'allow_anonymous true', 'max_keepalive 120'));
  assert.equal((await box.cli(['config', 'apply', next])).code, 0);
  const [id] = readdirSync(box.paths.backupDir).filter((name) => name.endsWith('-apply'));
  const stored = path.join(box.paths.backupDir, id!, 'files', path.relative(box.root, box.paths.configFile));
  plant(target, stored);
  const restore = await box.cli(['config', 'restore', id!]);
  assert.equal(restore.code, 1, restore.stdout + restore.stderr);
  assert.match(restore.stderr, /is a symbolic link; gate-mqtt does not read through links/);
  assert.doesNotMatch(readFileSync(box.paths.configFile, 'utf8'), /TOP-SECRET/);
  plant(target, box.paths.configFile);
  const show = await box.cli(['config', 'show']);
  assert.equal(show.code, 1, show.stdout + show.stderr);
  assert.match(show.stderr, /mosquitto\.conf is a symbolic link; gate-mqtt does not read through links/);
  assert.doesNotMatch(show.stdout + show.stderr, /TOP-SECRET/);
});

test('a package record planted as a link is refused, not read', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const target = secret(box);
  plant(target, path.join(box.paths.stateDir, 'packages.json'));
  const run = await box.cli(['upgrade', '--packages', box.root]);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /packages\.json is a symbolic link; gate-mqtt does not read through links/);
  assert.doesNotMatch(run.stdout + run.stderr, /TOP-SECRET/);
});

test('a 0640 config stays 0640 when a rejected config is rolled back', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  chmodSync(box.paths.configFile, 0o640);
  const before = readFileSync(box.paths.configFile, 'utf8');
  // Valid to the validator and the trial start, but the broker does not come up on it: a database it
  // cannot read (the trial start leaves persistence out).
  const data = path.join(box.root, 'pdata');
  mkdirSync(data, { mode: 0o755 });
  writeFileSync(path.join(data, 'mosquitto.db'), 'not a mosquitto database\n', { mode: 0o644 });
  chmodSync(box.root, 0o755); // started as root, mosquitto reads it as its own user
  const file = path.join(box.root, 'unrestorable.conf');
  const text = lines(`listener ${box.port} 0.0.0.0`, 'allow_anonymous true', 'persistence true');
  writeFileSync(file, `${text}persistence_location ${data}/\n`);
  const run = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(run.code, 1, run.stdout);
  assert.match(parseJson<Result>(run).error?.message ?? '', /previous config was put back and the broker answers/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before);
  assert.equal(statSync(box.paths.configFile).mode & 0o777, 0o640);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});
