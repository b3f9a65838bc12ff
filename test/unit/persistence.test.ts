import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { judgePersistence, persistenceProbe } from '../../src/checks/broker-persistence.js';
import { planFixes } from '../../src/checks/fix-plan.js';
import { analyzeText } from '../../src/config/load.js';
import { DB_MAGIC, persistenceOf, restoreFailure } from '../../src/config/persistence.js';
import { PIPELINES } from '../../src/pipelines/catalog.js';
import { setAsideDatabaseStep } from '../../src/tasks/persistence.js';
import { probe, unitContext } from '../helpers/unit-context.js';

const model = (text: string) => analyzeText(text, '/p/etc/mosquitto/mosquitto.conf');
/** A database as mosquitto 2.0.11 writes it: the magic, a zero crc, version 6, a config chunk's start. */
const GOOD_DB = Buffer.concat([DB_MAGIC, Buffer.from([0, 0, 0, 0, 0, 0, 0, 6, 0, 1, 0, 0, 0, 0x11])]);
const GARBAGE = Buffer.from('power cut: half a page of zeros and noise \x00\xff\x13');
const NOW = 1_800_000_000;

test("the magic is mosquitto's (src/persist_read.c:44 at v2.0.11)", () => {
  assert.equal(DB_MAGIC.toString('hex'), '00b5006d6f7371756974746f206462');
});

test('the database path follows conf.c: off by default, location "/" file, relative to the broker\'s cwd', () => {
  assert.deepEqual(persistenceOf(model('listener 1883\n'), '/home'), { on: false });
  assert.deepEqual(persistenceOf(model('persistence false\n'), '/home'), { on: false });
  assert.deepEqual(persistenceOf(model('persistence true\n'), '/home'), { on: true, file: '/home/mosquitto.db' });
  assert.deepEqual(persistenceOf(model('persistence 1 # on\npersistence_location /var/db/\n'), '/home'), {
    on: true,
    file: '/var/db/mosquitto.db',
  });
  assert.deepEqual(persistenceOf(model('persistence true\npersistence_location data\npersistence_file x.db\n'), '/h'), {
    on: true,
    file: '/h/data/x.db',
  });
  // two names of one flag: the later line wins
  assert.deepEqual(persistenceOf(model('persistence true\nretained_persistence false\n'), '/h'), { on: false });
  assert.equal(persistenceOf(model('retained_persistence false\npersistence true\n'), '/h').on, true);
});

const ON = { on: true as const, file: '/d/mosquitto.db' };
const hex = (data: Buffer) => data.subarray(0, 15).toString('hex');
const saw = (db: string, log: string[] = []) =>
  probe([`now=${NOW}`, db, ...log.map((line) => `log=${line}`)].join('\n'));

test('broker.persistence passes with the file and its size, a missing file, an empty one, and persistence off', () => {
  const good = judgePersistence(ON, saw(`size=4096\nhead=${hex(GOOD_DB)}`));
  assert.deepEqual(good, {
    id: 'broker.persistence',
    status: 'pass',
    detail: '/d/mosquitto.db, 4096 bytes',
    hint: null,
  });
  assert.equal(judgePersistence(ON, saw('db=missing')).status, 'pass');
  assert.equal(judgePersistence(ON, saw('size=0\nhead=')).status, 'pass', 'mosquitto starts with an empty file');
  assert.equal(judgePersistence({ on: false }, probe('')).detail, 'persistence off');
});

test('broker.persistence fails on a foreign header or a short file, with the fix as its hint', () => {
  const garbage = judgePersistence(ON, saw(`size=${GARBAGE.length}\nhead=${hex(GARBAGE)}`));
  assert.equal(garbage.status, 'fail');
  assert.match(garbage.detail, /^\/d\/mosquitto\.db: not a mosquitto database/);
  assert.equal(garbage.hint, 'gate-mqtt doctor --fix moves it into the backups and starts the broker');
  const short = judgePersistence(ON, saw('size=3\nhead=00b500'));
  assert.equal(short.status, 'fail');
  assert.match(short.detail, /too short/);
});

test('broker.persistence fails when the log just said the restore failed, and not for history', () => {
  const failed = [
    `${NOW - 5}: Error: Unable to restore persistent database. Unrecognised file format.`,
    `${NOW - 5}: Error: Couldn't open database.`,
  ];
  const header = `size=4096\nhead=${hex(GOOD_DB)}`;
  const out = judgePersistence(ON, saw(header, failed));
  assert.equal(out.status, 'fail');
  assert.match(
    out.detail,
    /could not restore it: "Unable to restore persistent database\. Unrecognised file format\."/,
  );
  const started = [...failed, `${NOW - 2}: mosquitto version 2.0.11 starting`];
  assert.equal(judgePersistence(ON, saw(header, started)).status, 'pass', 'a start came after it');
  const old = failed.map((line) => line.replace(String(NOW - 5), String(NOW - 3600)));
  assert.equal(judgePersistence(ON, saw(header, old)).status, 'pass', 'an hour old: pm2 would have retried since');
  assert.equal(judgePersistence(ON, saw('db=missing', failed)).status, 'pass', 'no file: nothing to restore');
  assert.equal(
    restoreFailure([`${NOW}: Error: No such process.`, `${NOW}: Error: Couldn't open database.`], NOW),
    "Couldn't open database.",
  );
});

test('a link or a folder at the path is not read: a warning with a hint', () => {
  for (const db of ['db=link', 'db=other', 'db=unreadable']) {
    const out = judgePersistence(ON, saw(db));
    assert.equal(out.status, 'warn', db);
    assert.ok(out.hint, db);
  }
  assert.equal(judgePersistence(ON, probe('', null, { timedOut: true })).status, 'warn');
});

test('the probe reads the header with sh, never through a link, and the log lines about the restore', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmu-db-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = path.join(dir, 'mqtt.log');
  writeFileSync(
    log,
    `${NOW}: noise\n${NOW}: Error: Unable to restore persistent database. Unrecognised file format.\n`,
  );
  const run = (file: string) => {
    const out = spawnSync('sh', ['-c', persistenceProbe(file, log)], { encoding: 'utf8' });
    return judgePersistence({ on: true, file }, probe(out.stdout.replace(/^now=\d+/m, `now=${NOW}`), out.status));
  };
  const db = path.join(dir, 'mosquitto.db');
  writeFileSync(db, GARBAGE);
  assert.equal(run(db).status, 'fail');
  writeFileSync(db, GOOD_DB);
  assert.match(run(db).detail, /could not restore it/, 'the header is fine, the log names the failure');
  writeFileSync(log, `${NOW}: mosquitto version 2.0.11 running\n`);
  assert.equal(run(db).detail, `${db}, ${GOOD_DB.length} bytes`);
  const link = path.join(dir, 'link.db');
  symlinkSync(db, link);
  assert.match(run(link).detail, /symbolic link/);
  assert.equal(run(path.join(dir, 'none.db')).status, 'pass');
});

test('the fix is planned for broker.persistence and held with an invalid config', () => {
  const failing = (...ids: Array<'broker.persistence' | 'config.valid' | 'pm2.process'>) =>
    ids.map((id) => ({ id, status: 'fail' as const, detail: '', hint: 'x' }));
  assert.deepEqual(planFixes(failing('broker.persistence', 'pm2.process')).actions.sort(), [
    'set-aside-database',
    'start-broker',
  ]);
  const held = planFixes(failing('broker.persistence', 'config.valid'));
  assert.deepEqual(held.actions, []);
  assert.match(held.held.join('\n'), /persistence database is left in place/);
});

test('the fix pipeline sets the database aside, then serves', (t) => {
  const { ctx } = unitContext(t);
  const ids = PIPELINES['doctor --fix'](ctx, { actions: ['set-aside-database'], port: 1883 }).steps.map((s) => s.id);
  const at = ids.indexOf('broker.persistence');
  assert.ok(at > ids.indexOf('config.factory') && at < ids.indexOf('pm2.process'), ids.join(' '));
  assert.ok(ids.includes('verify.roundtrip') && ids.includes('pm2.save'), ids.join(' '));
});

test('the step moves a bad database into a named backup, byte for byte, once; a dry run only says so', async (t) => {
  const { ctx, root } = unitContext(t);
  const { paths } = ctx.profile;
  const dataDir = path.join(root, 'db');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(path.dirname(paths.configFile), { recursive: true });
  writeFileSync(paths.configFile, `listener 1883\npersistence true\npersistence_location ${dataDir}/\n`);
  const db = path.join(dataDir, 'mosquitto.db');
  writeFileSync(db, GARBAGE);

  const dry = unitContext(t, { dryRun: true }).ctx;
  Object.assign(dry.profile.paths, paths); // the same gateway, dry
  const planned = await setAsideDatabaseStep(dry).run({} as never);
  assert.equal(existsSync(db), true, 'a dry run leaves it');
  assert.match(planned.detail, /would be moved/);

  const step = setAsideDatabaseStep(ctx);
  const moved = await step.run({} as never);
  assert.equal(moved.changed, true);
  assert.equal(moved.needsRestart, 'database-set-aside');
  assert.equal(existsSync(db), false);
  const [backup] = await ctx.writer.backups.list();
  assert.match(backup?.id ?? '', /-persistence-corrupt$/);
  assert.match(moved.detail, new RegExp(backup!.id));
  assert.deepEqual(await ctx.writer.backups.read(backup!, db), GARBAGE);
  assert.deepEqual(readFileSync(path.join(paths.backupDir, backup!.id, backup!.entries[0]!.stored)), GARBAGE);

  const again = await step.run({} as never);
  assert.equal(again.changed, false);
  assert.equal((await ctx.writer.backups.list()).length, 1);
  writeFileSync(db, GOOD_DB);
  assert.equal((await step.run({} as never)).changed, false, 'a mosquitto database is kept');
});
