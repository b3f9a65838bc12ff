import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import { roundTrip } from '../helpers/mqtt.js';
import { cleanEnv, freePort, provisioned, type Sandbox, sandbox } from '../helpers/sandbox.js';

/**
 * SIGKILL at named points (GATE_MQTT_CRASH_AT: before/after a step, or between a temp file's fsync and
 * its rename): the config is always the old or the new one, never partial, and the next run converges.
 */

const crash = (point: string) => ({ env: cleanEnv({ GATE_MQTT_CRASH_AT: point }) });

async function healthy(box: Sandbox, port = box.port): Promise<void> {
  assert.equal((await roundTrip({ host: '127.0.0.1', port })).ok, true, `the broker answers on ${port}`);
  assert.equal(box.mqtt()?.status, 'online');
  assert.equal(existsSync(box.paths.lockFile), false, 'the lock is released');
  assert.deepEqual(
    readdirSync(box.paths.etcMosquitto).filter((n) => n.endsWith('.tmp')),
    [],
    'no temp files left',
  );
  const dump = JSON.parse(readFileSync(path.join(box.paths.pm2Home, 'dump.pm2'), 'utf8')) as Array<{ name: string }>;
  assert.ok(dump.some((p) => p.name === 'mqtt'));
  assert.ok(existsSync(box.paths.bootHook));
}

const PROVISION_POINTS = [
  'after:preflight.lock',
  'before:config.factory',
  'rename:mosquitto.conf',
  'after:config.factory',
  'rename:mqtt.pm2.json',
  'after:pm2.process',
  'before:verify.roundtrip',
  'rename:mqtt-keeper.pm2.json',
  'before:pm2.save',
  'after:pm2.save',
  'rename:start-mqtt',
];

for (const point of PROVISION_POINTS) {
  test(`provision killed at ${point} leaves no partial config and the next run converges`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await sandbox(t);
    const killed = await box.cli(['provision', '--port', String(box.port)], crash(point));
    assert.equal(killed.code, null, `the run was killed at ${point}: ${killed.stdout}`);
    if (existsSync(box.paths.configFile))
      assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
    const again = await box.cli(['provision', '--port', String(box.port)]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
    await healthy(box);
  });
}

const APPLY_POINTS = ['rename:mosquitto.conf', 'after:config.write', 'before:broker.restart'];

for (const point of APPLY_POINTS) {
  test(`config apply killed at ${point} leaves the old or the new config and a rerun converges`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await provisioned(t);
    const old = readFileSync(box.paths.configFile, 'utf8');
    const newPort = await freePort(); // the broker must end up serving the new config, not only have it on disk
    const next = `# new\nlistener ${newPort} 0.0.0.0\nallow_anonymous true\n`;
    const file = path.join(box.root, 'next.conf');
    writeFileSync(file, next);
    const killed = await box.cli(['config', 'apply', file], crash(point));
    assert.equal(killed.code, null);
    assert.ok([old, next].includes(readFileSync(box.paths.configFile, 'utf8')));
    const again = await box.cli(['config', 'apply', file]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(readFileSync(box.paths.configFile, 'utf8'), next);
    await healthy(box, newPort);
  });
}

for (const point of ['rename:mosquitto.conf', 'after:config.write']) {
  test(`bridge add killed at ${point} leaves the old or the new config and a rerun converges`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await provisioned(t);
    const old = readFileSync(box.paths.configFile, 'utf8');
    const args = [
      'bridge',
      'add',
      'supla',
      '--id',
      'g',
      '--address',
      '127.0.0.1:1',
      '--username',
      'u',
      '--password-stdin',
    ];
    const killed = await box.cli(args, { ...crash(point), input: 'pw\n' });
    assert.equal(killed.code, null);
    const text = readFileSync(box.paths.configFile, 'utf8');
    assert.ok(text === old || (text.startsWith(old) && text.endsWith(`bridge_cafile ${box.paths.tlsCaFile}\n`)), text);
    const again = await box.cli(args, { input: 'pw\n' });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(readFileSync(box.paths.configFile, 'utf8'), /connection bridge-dom-g\n/);
    await healthy(box);
  });
}

for (const point of ['after:reset.backup', 'rename:mosquitto.conf', 'after:reset.config', 'before:pm2.process']) {
  test(`reset killed at ${point} leaves the old or the factory config and a rerun converges`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await provisioned(t);
    // The broker serves a custom config on another port; after the reset it must serve the factory one.
    const custom = `# custom\nlistener ${await freePort()} 0.0.0.0\nallow_anonymous true\n`;
    const file = path.join(box.root, 'custom.conf');
    writeFileSync(file, custom);
    assert.equal((await box.cli(['config', 'apply', file])).code, 0);
    const killed = await box.cli(['reset', '--yes', '--port', String(box.port)], crash(point));
    assert.equal(killed.code, null);
    assert.ok([custom, factoryConfig(box.port)].includes(readFileSync(box.paths.configFile, 'utf8')));
    const again = await box.cli(['reset', '--yes', '--port', String(box.port)]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
    const backups = readdirSync(box.paths.backupDir).filter((n) => n.endsWith('-reset'));
    assert.ok(backups.length >= 1, 'a backup of the custom config exists');
    await healthy(box);
  });
}
