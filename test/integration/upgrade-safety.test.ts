import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import {
  brokenBuild,
  brokerBinary,
  folder,
  offlineInstall,
  packagedBinary,
  recordedVersion,
  repacked,
  U1,
  U2,
} from '../helpers/debs.js';
import { roundTrip } from '../helpers/mqtt.js';
import { cleanEnv, parseJson, type Result, type Sandbox, sha256File } from '../helpers/sandbox.js';

/** What the issue found, each a case: upgrades and package files that lose nothing, whatever happens. */

const crash = (point: string) => ({ env: cleanEnv({ GATE_MQTT_CRASH_AT: point }) });
const answers = async (box: Sandbox) => (await roundTrip({ host: '127.0.0.1', port: box.port })).ok;

/** Every file below the prefix with its hash, but the run's own log and lock (every run writes those). */
const snapshot = (box: Sandbox) =>
  spawnSync('find', [box.paths.prefix, '-type', 'f'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((file) => file && !file.startsWith(box.paths.logDir) && file !== box.paths.lockFile)
    .sort()
    .map((file) => `${file} ${sha256File(file)}`)
    .join('\n');

test('killed just after a broken build was installed: the next run (a boot provision) goes back, and says so', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const killed = await box.cli(['upgrade', '--packages', brokenBuild(t)], crash('after:package.install'));
  assert.equal(killed.code, null, 'killed');
  const next = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(next.code, 0, next.stdout + next.stderr);
  const journal = parseJson<Result>(next).steps.find((s) => s.id === 'preflight.journal');
  assert.match(
    journal?.detail ?? '',
    /unfinished upgrade of .* was undone: mosquitto 2\.0\.11-1\.2\+deb12u1 was put back/,
  );
  assert.equal(recordedVersion(box), U1, 'the record of the good version is back');
  assert.equal(sha256File(brokerBinary(box)), packagedBinary(t, folder(t, U1)), "u1's binary runs");
  assert.equal(box.mqtt()?.status, 'online');
  assert.equal(await answers(box), true);
});

test('killed between pm2 forgetting mqtt and starting it again: mqtt is missing, the rerun brings it back', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const u2 = folder(t, U2);
  assert.equal((await box.cli(['upgrade', '--packages', u2], crash('pm2:delete:mqtt'))).code, null, 'killed');
  const status = parseJson<{ pm2: { status: string } }>(await box.cli(['status', '--json']));
  assert.equal(status.pm2.status, 'missing', 'the state the kill left: mqtt out of pm2');
  const again = await box.cli(['upgrade', '--packages', u2, '--json']);
  assert.equal(again.code, 0, again.stdout);
  assert.equal(parseJson<Result>(again).changed, true, 'not "nothing changed": the broker was down');
  assert.equal(box.mqtt()?.status, 'online');
  assert.equal(recordedVersion(box), U2);
  assert.equal(await answers(box), true);
});

test("upgrade with mqtt stopped serves on the config's own port", { timeout: 120_000 }, async (t) => {
  const box = await offlineInstall(t); // the box's port, not 1883
  box.pm2(['stop', 'mqtt']);
  const run = await box.cli(['upgrade', '--packages', folder(t, U2), '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(JSON.stringify(parseJson<Result>(run).steps), new RegExp(`round trip on 127\\.0\\.0\\.1:${box.port}`));
  assert.equal(await answers(box), true);
});

test("config restore after an upgrade never picks the package's own config; those are labelled", {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  assert.equal((await box.cli(['upgrade', '--packages', folder(t, U2)])).code, 0);
  const listed = parseJson<{ backups: Array<{ id: string; reason: string; origin: string }> }>(
    await box.cli(['config', 'backups', '--json']),
  ).backups;
  const stock = listed.filter((b) => b.origin === 'package');
  assert.ok(stock.length >= 1, "the package's own configs are listed, labelled");
  const shown = (await box.cli(['config', 'backups'])).stdout;
  for (const b of stock) assert.match(shown, new RegExp(`${b.id} .*the package's own config: restored only by its ID`));
  const restore = await box.cli(['config', 'restore', '--json']);
  assert.equal(restore.code, 0, restore.stdout);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port), 'not Debian stock config');
});

test('provision --packages with an older build changes nothing and says so; upgrade --to goes back', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t, U2);
  const binary = sha256File(brokerBinary(box));
  const run = await box.cli(['provision', '--port', String(box.port), '--packages', folder(t, U1), '--json']);
  assert.equal(run.code, 0, run.stdout);
  const result = parseJson<Result>(run);
  assert.equal(result.changed, false);
  const install = result.steps.find((s) => s.id === 'mosquitto.install');
  assert.match(install?.detail ?? '', /is installed, newer than 2\.0\.11-1\.2\+deb12u1 .*: kept as it is/);
  assert.match(install?.warning ?? '', /upgrade --packages .* --to 2\.0\.11-1\.2\+deb12u1/);
  assert.equal(recordedVersion(box), U2);
  assert.equal(sha256File(brokerBinary(box)), binary);
  const back = await box.cli(['upgrade', '--packages', folder(t, U1), '--to', U1]);
  assert.equal(back.code, 0, back.stdout + back.stderr);
  assert.equal(recordedVersion(box), U1);
});

test('a package whose link leads out of the gateway is refused before anything is written', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const lib = 'usr/lib/x86_64-linux-gnu';
  const absolute = repacked(t, '2.0.11-1.2+deb12u2+evil1', (tree) =>
    symlinkSync('/etc/passwd', path.join(tree, lib, 'libevil.so')),
  );
  const climbing = repacked(t, '2.0.11-1.2+deb12u2+evil2', (tree) =>
    symlinkSync('../../../../../../etc/passwd', path.join(tree, lib, 'libevil.so')),
  );
  for (const dir of [absolute, climbing]) {
    const before = snapshot(box);
    const run = await box.cli(['upgrade', '--packages', dir]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /holds a link that leads out of the gateway \(usr\/lib\/.*libevil\.so -> .*etc\/passwd\)/);
    assert.match(run.stderr, /\nhint: /);
    assert.equal(snapshot(box), before, 'nothing below the prefix changed');
  }
  assert.equal(recordedVersion(box), U1);
});

test('links stay links: a library version link is placed as a link, not a copy of what it points at', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const dir = repacked(t, '2.0.11-1.2+deb12u2+link1', (tree) =>
    symlinkSync('mosquitto_dynamic_security.so', path.join(tree, 'usr/lib/x86_64-linux-gnu', 'libgate.so.1')),
  );
  const run = await box.cli(['upgrade', '--packages', dir]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const link = path.join(box.paths.prefix, 'lib', 'libgate.so.1');
  assert.equal(spawnSync('readlink', [link], { encoding: 'utf8' }).stdout.trim(), 'mosquitto_dynamic_security.so');
});

test('a truncated package file is exit 2 with a hint, and is not kept', { timeout: 120_000 }, async (t) => {
  const box = await offlineInstall(t);
  const dir = folder(t, U2);
  const deb = path.join(dir, readdirSync(dir)[0]!);
  truncateSync(deb, Math.floor(statSync(deb).size / 2));
  const kept = path.join(box.paths.stateDir, 'packages');
  const keptBefore = readdirSync(kept).sort();
  const run = await box.cli(['upgrade', '--packages', dir]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /is damaged \(truncated, or not whole\).*nothing was changed\nhint: copy it again/);
  assert.deepEqual(readdirSync(kept).sort(), keptBefore, 'not kept');
  assert.equal(recordedVersion(box), U1);
});

test('file modes are kept: a 0640 config stays 0640 when a package replaced it and it was put back', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  chmodSync(box.paths.configFile, 0o640);
  const config = sha256File(box.paths.configFile);
  assert.equal((await box.cli(['upgrade', '--packages', folder(t, U2)])).code, 0);
  assert.equal(sha256File(box.paths.configFile), config);
  assert.equal(statSync(box.paths.configFile).mode & 0o777, 0o640);
});
