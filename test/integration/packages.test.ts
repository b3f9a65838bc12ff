import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  brokenBuild,
  brokerBinary,
  folder,
  offlineInstall,
  packagedBinary,
  recordedVersion,
  U1,
  U2,
} from '../helpers/debs.js';
import { roundTrip } from '../helpers/mqtt.js';
import { parseJson, type Result, sha256File } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

test('offline install into the sandbox, upgrade with the config kept byte for byte, a second upgrade changes nothing', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  assert.ok(existsSync(brokerBinary(box)), 'the broker binary is below the root');
  const listed = box.pm2(['jlist']).stdout;
  assert.ok(listed.includes(`"pm_exec_path":"${brokerBinary(box)}"`), 'pm2 runs the sandbox broker');
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
  // A bridge section (to a loopback address) as the SUPLA integration appends one.
  const config = `${spawnSync('cat', [box.paths.configFile], { encoding: 'utf8' }).stdout}${lines(
    '',
    'connection supla',
    `address 127.0.0.1:${box.port + 1}`,
    'topic supla/# both 0',
  )}`;
  writeFileSync(box.paths.configFile, config);
  const before = sha256File(box.paths.configFile);
  const u2 = folder(t, U2);
  const upgrade = await box.cli(['upgrade', '--packages', u2, '--json']);
  const result = parseJson<Result>(upgrade);
  assert.equal(upgrade.code, 0, upgrade.stdout + upgrade.stderr);
  assert.equal(sha256File(box.paths.configFile), before, 'the config is the same, byte for byte');
  assert.equal(recordedVersion(box), U2);
  assert.equal(sha256File(brokerBinary(box)), packagedBinary(t, u2), "the binary is u2's");
  const restart = result.steps.find((s) => s.id === 'broker.restart');
  assert.ok(restart?.restart?.includes('binary-changed'), JSON.stringify(restart));
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
  const pid = box.mqtt()?.pid;
  const again = await box.cli(['upgrade', '--packages', u2, '--json']);
  assert.equal(parseJson<Result>(again).changed, false);
  assert.equal(box.mqtt()?.pid, pid, 'not restarted');
});

test('an upgrade to a build that does not serve goes back to the kept package, config intact, broker answering', {
  timeout: 120_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const before = sha256File(box.paths.configFile);
  const run = await box.cli(['upgrade', '--packages', brokenBuild(t)]);
  assert.equal(run.code, 1, run.stdout);
  assert.match(run.stderr, /did not serve .* was put back and the broker answers/);
  assert.equal(recordedVersion(box), U1);
  assert.equal(sha256File(box.paths.configFile), before);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
  assert.equal(box.mqtt()?.status, 'online');
});

for (const point of ['after:package.install', 'rename:packages.json']) {
  test(`upgrade killed at ${point} converges on the next run`, { timeout: 120_000 }, async (t) => {
    const box = await offlineInstall(t);
    const u2 = folder(t, U2);
    const killed = await box.cli(['upgrade', '--packages', u2], {
      env: { ...(await import('../helpers/sandbox.js')).cleanEnv(), GATE_MQTT_CRASH_AT: point },
    });
    assert.equal(killed.code, null, 'killed');
    const next = await box.cli(['upgrade', '--packages', u2]);
    assert.equal(next.code, 0, next.stdout + next.stderr);
    assert.equal(recordedVersion(box), U2);
    // The broker that runs started after its binary was replaced: it is u2's.
    const listed = JSON.parse(
      box
        .pm2(['jlist'])
        .stdout.split('\n')
        .find((l) => l.startsWith('['))!,
    ) as Array<{
      name: string;
      pm2_env: { pm_uptime: number };
    }>;
    const uptime = listed.find((p) => p.name === 'mqtt')!.pm2_env.pm_uptime;
    const { statSync } = await import('node:fs');
    assert.ok(uptime >= statSync(brokerBinary(box)).mtimeMs, 'restarted after the binary changed');
    assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
  });
}

test('foreign or corrupt package files are refused with exit 2, the prefix unchanged', {
  timeout: 60_000,
}, async (t) => {
  const box = await offlineInstall(t);
  // Every file below the prefix with its hash, but the run's own log and lock (every run writes those).
  const snapshot = () =>
    spawnSync('find', [box.paths.prefix, '-type', 'f'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((file) => file && !file.startsWith(box.paths.logDir) && file !== box.paths.lockFile)
      .sort()
      .map((file) => `${file} ${sha256File(file)}`)
      .join('\n');
  const sums = () => [box.paths.configFile, brokerBinary(box)].map((file) => sha256File(file)).join(' ');
  const before = sums();
  const corrupt = folder(t, U2);
  writeFileSync(path.join(corrupt, 'mosquitto_9.9.9-1_amd64.deb'), 'not a package\n');
  const foreign = folder(t, U2);
  const tree = path.join(foreign, 'tree');
  mkdirSync(path.join(tree, 'DEBIAN'), { recursive: true });
  writeFileSync(
    path.join(tree, 'DEBIAN/control'),
    lines('Package: curl', 'Version: 1.0', 'Architecture: all', 'Maintainer: x <x@x>', 'Description: x'),
  );
  spawnSync('dpkg-deb', ['-b', tree, path.join(foreign, 'curl_1.0_all.deb')]);
  rmSync(tree, { recursive: true, force: true });
  const tampered = folder(t, U2);
  writeFileSync(path.join(tampered, 'SHA256SUMS'), `${'0'.repeat(64)}  ${readdirSync(tampered)[0]}\n`);
  for (const [dir, why] of [
    [corrupt, /is not a package file dpkg can read/],
    [foreign, /\(curl\) is neither mosquitto nor one of its dependencies/],
    [tampered, /does not match its SHA256SUMS line/],
  ] as const) {
    const listedBefore = snapshot();
    const run = await box.cli(['upgrade', '--packages', dir]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, why);
    assert.match(run.stderr, /nothing was changed/);
    assert.equal(sums(), before);
    assert.equal(snapshot(), listedBefore, 'no file below the prefix changed');
  }
  assert.equal(recordedVersion(box), U1);
});

test('uninstall keeps config and backups; --purge removes config and data after a final backup', {
  timeout: 60_000,
}, async (t) => {
  const box = await offlineInstall(t);
  const config = sha256File(box.paths.configFile);
  const first = await box.cli(['uninstall', '--json']);
  assert.equal(first.code, 0, first.stdout);
  assert.equal(box.mqtt(), undefined, 'mqtt is out of pm2');
  assert.doesNotMatch(
    spawnSync('cat', [`${box.paths.pm2Home}/dump.pm2`], { encoding: 'utf8' }).stdout,
    /"name": "mqtt/,
  );
  assert.equal(existsSync(box.paths.bootHook), false);
  assert.equal(sha256File(box.paths.configFile), config, 'the config stays');
  assert.equal(parseJson<Result>(await box.cli(['uninstall', '--json'])).changed, false);
  assert.equal((await box.cli(['uninstall', '--purge'])).code, 2, '--purge without a terminal needs --yes');
  assert.ok(existsSync(box.paths.configFile));
  const purge = await box.cli(['uninstall', '--purge', '--yes', '--json']);
  assert.equal(purge.code, 0, purge.stdout);
  assert.equal(existsSync(box.paths.configFile), false);
  const backups = readdirSync(box.paths.backupDir).filter((id) => id.endsWith('uninstall-purge'));
  assert.equal(backups.length, 1, 'a final backup');
  assert.ok(existsSync(path.join(box.paths.backupDir, backups[0]!, 'manifest.json')));
});
