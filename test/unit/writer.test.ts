import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BackupStore, fromPackage, KEEP_BACKUPS, KEEP_USER_CONFIG_BACKUPS } from '../../src/fsx/backups.js';
import { GateError } from '../../src/model/errors.js';
import { unitContext } from '../helpers/unit-context.js';

test('a new file is written atomically with its mode; the same content again changes nothing', async (t) => {
  const { ctx, root } = unitContext(t);
  const file = path.join(root, 'etc', 'a.conf');
  assert.deepEqual(await ctx.writer.write(file, 'one\n', { mode: 0o600, reason: 'r' }), { changed: true });
  assert.equal(readFileSync(file, 'utf8'), 'one\n');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(await ctx.writer.write(file, 'one\n', { reason: 'r' }), { changed: false });
  assert.deepEqual(readdirSync(path.dirname(file)), ['a.conf'], 'no temp files left');
});

test('replacing a file backs the old one up first, under the reason given', async (t) => {
  const { ctx, root } = unitContext(t);
  const file = path.join(root, 'a.conf');
  writeFileSync(file, 'old\n');
  const written = await ctx.writer.write(file, 'new\n', { reason: 'apply' });
  assert.match(written.backupId ?? '', /-apply$/);
  const [manifest] = await ctx.writer.backups.list();
  assert.equal((await ctx.writer.backups.read(manifest!, file)).toString(), 'old\n');
});

test("a file already in this run's backup is not copied again", async (t) => {
  const { ctx, root } = unitContext(t);
  const file = path.join(root, 'a.conf');
  writeFileSync(file, 'old\n');
  await ctx.writer.backup('reset', [file]);
  const written = await ctx.writer.write(file, 'new\n', { reason: 'reset' });
  assert.equal(written.backupId, undefined);
  assert.equal((await ctx.writer.backups.list()).length, 1);
  await ctx.writer.write(file, 'newer\n', { reason: 'reset' });
  assert.equal((await ctx.writer.backups.list()).length, 2, 'content the backup does not hold is backed up');
});

test('dry-run records every change and makes none', async (t) => {
  const { ctx, root } = unitContext(t, { dryRun: true });
  const file = path.join(root, 'a.conf');
  writeFileSync(file, 'old\n');
  await ctx.writer.write(file, 'new\n', { reason: 'r' });
  await ctx.writer.write(path.join(root, 'b.conf'), 'b\n', { mode: 0o600, reason: 'r' });
  await ctx.writer.remove(file, { reason: 'r' });
  await ctx.writer.ensureDir(path.join(root, 'd'));
  assert.equal(readFileSync(file, 'utf8'), 'old\n');
  assert.deepEqual(
    readdirSync(root).sort(),
    ['a.conf', 'run.log'].filter((n) => n !== 'run.log' || existsSync(path.join(root, n))),
  );
  assert.deepEqual(ctx.plan.lines, [
    `back up and replace ${file} (4 bytes, mode 644)`,
    `create ${path.join(root, 'b.conf')} (2 bytes, mode 600)`,
    `back up and remove ${file}`,
    `create folder ${path.join(root, 'd')}`,
  ]);
});

test('nothing is written or chmod-ed through a symlink planted at the file', async (t) => {
  const { ctx, root } = unitContext(t);
  const victim = path.join(root, 'victim');
  writeFileSync(victim, 'precious\n', { mode: 0o644 });
  const link = path.join(root, 'a.conf');
  symlinkSync(victim, link);
  await assert.rejects(
    ctx.writer.write(link, 'x', { reason: 'r' }),
    (e: unknown) => e instanceof GateError && /symbolic link/.test(e.message),
  );
  await assert.rejects(ctx.writer.ensureMode(link, 0o777), GateError);
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
  assert.equal(statSync(victim).mode & 0o777, 0o644);
});

test('remove backs the file up; a missing file is no change', async (t) => {
  const { ctx, root } = unitContext(t);
  const file = path.join(root, 'p.passwd');
  writeFileSync(file, 'u:hash\n');
  assert.equal(await ctx.writer.remove(file, { reason: 'reset' }), true);
  assert.equal(existsSync(file), false);
  assert.equal((await ctx.writer.backups.list()).length, 1);
  assert.equal(await ctx.writer.remove(file, { reason: 'reset' }), false);
});

test('clearDir empties a folder but keeps the folder itself', async (t) => {
  const { ctx, root } = unitContext(t);
  const dir = path.join(root, 'broker-data');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'mosquitto.db'), 'db');
  writeFileSync(path.join(dir, 'sub', 'x'), 'x');
  assert.equal(await ctx.writer.clearDir(dir, { reason: 'reset' }), 2);
  assert.deepEqual(readdirSync(dir), []);
  assert.equal((await ctx.writer.backups.list())[0]?.entries.length, 2);
});

test('ensureMode and ensureDir report a change only when they make one', async (t) => {
  const { ctx, root } = unitContext(t);
  const file = path.join(root, 'hook');
  writeFileSync(file, '#!/bin/sh\n', { mode: 0o600 });
  assert.equal(await ctx.writer.ensureMode(file, 0o700), true);
  assert.equal(await ctx.writer.ensureMode(file, 0o700), false);
  assert.equal(await ctx.writer.ensureDir(path.join(root, 'x', 'y')), true);
  assert.equal(await ctx.writer.ensureDir(path.join(root, 'x', 'y')), false);
});

test('a log above its limit moves to FILE.1 and is truncated in place', async (t) => {
  const { ctx, root } = unitContext(t);
  const log = path.join(root, 'mqtt.log');
  writeFileSync(log, 'x'.repeat(2000));
  assert.equal(await ctx.writer.rotate(log, 1000), true);
  assert.equal(statSync(log).size, 0);
  assert.equal(readFileSync(`${log}.1`, 'utf8').length, 2000);
  assert.equal(await ctx.writer.rotate(log, 1000), false);
});

test("pruning keeps the newest backups, and never the last five of the user's own config", async (t) => {
  const { root } = unitContext(t);
  // One store per run: a run never prunes what it made itself.
  const run = () => new BackupStore(path.join(root, 'backups'), root, path.join(root, 'mosquitto.conf'));
  const config = path.join(root, 'mosquitto.conf');
  const other = path.join(root, 'dump.pm2');
  writeFileSync(config, 'mine\n');
  writeFileSync(other, '[]\n');
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
  for (let n = 0; n < 7; n++) await run().save('apply', [config], at(n));
  for (let n = 10; n < 40; n++) await run().save('boot-hook', [other], at(n));
  const kept = await run().list();
  assert.equal(kept.filter((m) => m.reason === 'boot-hook').length, KEEP_BACKUPS);
  assert.equal(kept.filter((m) => m.reason === 'apply').length, KEEP_USER_CONFIG_BACKUPS, 'the newest five of mine');
  // A run whose clock is behind names its backup as if it were old: it keeps it all the same.
  const behind = run();
  const made = await behind.save('reset', [config], new Date(Date.UTC(2020, 0, 1)));
  assert.ok(
    (await behind.list()).some((m) => m.id === made?.id),
    "a run's own backup is not pruned by it",
  );
});

test("a restore without an ID skips the package's own configs and what restores set aside", async (t) => {
  const { root } = unitContext(t);
  const config = path.join(root, 'mosquitto.conf');
  const store = new BackupStore(path.join(root, 'backups'), root, config);
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
  for (const [n, reason, text] of [
    [1, 'apply', 'mine\n'],
    [2, 'package-replaced-config', 'debian stock\n'],
    [3, 'restore', 'set aside by a restore\n'],
    [4, 'apply-rejected', 'a rejected candidate\n'],
  ] as const) {
    writeFileSync(config, text);
    await store.save(reason, [config], at(n));
  }
  const found = await store.find(config);
  assert.equal(found.reason, 'apply');
  assert.equal(fromPackage((await store.list()).find((m) => m.reason === 'package-replaced-config')!), true);
  rmSync(path.join(root, 'backups', found.id), { recursive: true });
  await assert.rejects(store.find(config), (e: unknown) => {
    return e instanceof GateError && e.exitCode === 2 && /holds the package's own config/.test(e.message);
  });
});
