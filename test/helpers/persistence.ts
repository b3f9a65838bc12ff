import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { factoryConfig } from '../../src/config/factory.js';
import { DB_MAGIC } from '../../src/config/persistence.js';
import { roundTrip } from './mqtt.js';
import { type Sandbox, waitFor } from './sandbox.js';

/** What a power cut left of the database: not mosquitto's header, a few odd bytes. */
export const GARBAGE = Buffer.concat([
  Buffer.from('half-written page after a power cut\n'),
  Buffer.from([0, 0xff, 7, 0, 0x13]),
]);
export const RESTORE_FAILED = 'Error: Unable to restore persistent database. Unrecognised file format.';

export const isMosquittoDb = (file: string): boolean =>
  existsSync(file) && readFileSync(file).subarray(0, DB_MAGIC.length).equals(DB_MAGIC);

/** The factory config with the database kept in the sandbox's data folder. */
export const persistentConfig = (box: Sandbox): string =>
  `${factoryConfig(box.port)}persistence true\npersistence_location ${box.paths.dataDir}/\n`;

/**
 * On a provisioned gateway: the broker keeps its database in the sandbox and writes it as it stops, the
 * database is overwritten with garbage, and pm2 starts the broker again (into its crash loop, unless
 * something sets the database aside). Returns the file.
 */
export async function corruptedOnRestart(box: Sandbox): Promise<string> {
  // Started as root, mosquitto drops to its own user: the folder (and the way to it) must be its to use.
  spawnSync('chmod', ['755', box.root]);
  spawnSync('chown', ['mosquitto', box.paths.dataDir]);
  const config = path.join(box.root, 'persistent.conf');
  writeFileSync(config, persistentConfig(box));
  const applied = await box.cli(['config', 'apply', config]);
  assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  const db = path.join(box.paths.dataDir, 'mosquitto.db');
  assert.equal(box.pm2(['stop', 'mqtt']).code, 0);
  await waitFor('the broker wrote its database as it stopped', () => isMosquittoDb(db));
  writeFileSync(db, GARBAGE);
  assert.equal(box.pm2(['start', 'mqtt']).code, 0);
  return db;
}

/** As corruptedOnRestart, and the broker seen refusing the database and not serving. */
export async function corruptDatabase(box: Sandbox): Promise<string> {
  const logSize = readFileSync(box.paths.brokerLog).length;
  const db = await corruptedOnRestart(box);
  await waitFor(
    'mosquitto refusing the database',
    () => readFileSync(box.paths.brokerLog).subarray(logSize).toString().includes(RESTORE_FAILED),
    15_000,
  );
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, timeoutMs: 1000 })).ok, false);
  return db;
}

/** The backups that hold the database (named with the reason), and what each holds of it. */
export function setAside(box: Sandbox, db: string): Array<{ id: string; data: Buffer }> {
  const dir = box.paths.backupDir;
  return readdirSync(dir)
    .filter((id) => id.endsWith('-persistence-corrupt'))
    .map((id) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, id, 'manifest.json'), 'utf8')) as {
        entries: Array<{ source: string; stored: string }>;
      };
      const entry = manifest.entries.find((e) => e.source === db);
      assert.ok(entry, `${id} holds ${db}`);
      return { id, data: readFileSync(path.join(dir, id, entry.stored)) };
    });
}
