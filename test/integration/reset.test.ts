import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import { roundTrip } from '../helpers/mqtt.js';
import { parseJson, provisioned, type Result, type Sandbox, sha256File } from '../helpers/sandbox.js';

const BROKEN_STATES: Record<string, (box: Sandbox) => void> = {
  'garbage config': (box) => writeFileSync(box.paths.configFile, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x6c])),
  'missing etc/mosquitto folder': (box) => rmSync(box.paths.etcMosquitto, { recursive: true, force: true }),
  'stopped pm2 process': (box) => assert.equal(box.pm2(['stop', 'mqtt']).code, 0),
  'deleted pm2 process': (box) => assert.equal(box.pm2(['delete', 'mqtt']).code, 0),
  'pm2 daemon not running': (box) => assert.equal(box.pm2(['kill']).code, 0),
  'a bridge and a config mosquitto refuses': (box) =>
    writeFileSync(
      box.paths.configFile,
      `${factoryConfig(box.port)}\nconnection x\naddress 127.0.0.1:1\nremote_password hunter2\nnonsense yes\n`,
    ),
};

for (const [name, breakIt] of Object.entries(BROKEN_STATES)) {
  test(`reset from a ${name} ends with the factory config, a backup and a broker that answers`, {
    timeout: 90_000,
  }, async (t) => {
    const box = await provisioned(t);
    const hadConfig = (() => {
      breakIt(box);
      try {
        return readFileSync(box.paths.configFile);
      } catch {
        return undefined;
      }
    })();
    const run = await box.cli(['reset', '--yes', '--port', String(box.port), '--json']);
    const result = parseJson<Result>(run);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
    assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
    assert.equal(box.mqtt()?.status, 'online');
    if (hadConfig && !hadConfig.equals(Buffer.from(factoryConfig(box.port)))) {
      const backups = readdirSync(box.paths.backupDir).filter((n) => n.endsWith('-reset'));
      assert.equal(backups.length, 1);
      const manifest = JSON.parse(
        readFileSync(path.join(box.paths.backupDir, backups[0]!, 'manifest.json'), 'utf8'),
      ) as { entries: Array<{ source: string; stored: string }> };
      const entry = manifest.entries.find((e) => e.source === box.paths.configFile)!;
      assert.deepEqual(
        readFileSync(path.join(box.paths.backupDir, backups[0]!, entry.stored)),
        hadConfig,
        'the backup holds the previous file',
      );
    }
    assert.ok(result.steps.every((s) => s.status !== 'failed'));
  });
}

test('a second reset changes nothing and does not restart the broker', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  const first = parseJson<Result>(await box.cli(['reset', '--yes', '--port', String(box.port), '--json']));
  assert.equal(first.ok, true);
  const pid = box.mqtt()?.pid;
  const second = parseJson<Result>(await box.cli(['reset', '--yes', '--port', String(box.port), '--json']));
  assert.equal(second.changed, false, JSON.stringify(second.steps.filter((s) => s.changed)));
  assert.equal(box.mqtt()?.pid, pid);
});

test('reset without a terminal and without --yes refuses with exit 2 and changes nothing', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  writeFileSync(box.paths.configFile, `# mine\nlistener ${box.port} 0.0.0.0\nallow_anonymous true\n`);
  const before = sha256File(box.paths.configFile);
  const run = await box.cli(['reset', '--json']);
  assert.equal(run.code, 2);
  assert.match(parseJson<Result>(run).error?.message ?? '', /--yes/);
  assert.equal(sha256File(box.paths.configFile), before);
});

test('reset backs up and clears the data folder unless --keep-data', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  mkdirSync(box.paths.dataDir, { recursive: true });
  writeFileSync(path.join(box.paths.dataDir, 'mosquitto.db'), 'retained messages');
  assert.equal((await box.cli(['reset', '--yes', '--keep-data', '--port', String(box.port)])).code, 0);
  assert.deepEqual(readdirSync(box.paths.dataDir), ['mosquitto.db']);
  assert.equal((await box.cli(['reset', '--yes', '--port', String(box.port)])).code, 0);
  assert.deepEqual(readdirSync(box.paths.dataDir), []);
  const backup = readdirSync(box.paths.backupDir)
    .filter((n) => n.endsWith('-reset'))
    .pop()!;
  const manifest = readFileSync(path.join(box.paths.backupDir, backup, 'manifest.json'), 'utf8');
  assert.match(manifest, /mosquitto\.db/);
});
