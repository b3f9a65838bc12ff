import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { type TestContext, test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { corruptDatabase, GARBAGE, isMosquittoDb, setAside } from '../helpers/persistence.js';
import { englishLines, englishWords } from '../helpers/polish.js';
import { type DoctorResult, parseJson, provisioned, type Sandbox, waitFor } from '../helpers/sandbox.js';

/**
 * A persistence database cut by a power failure (mosquitto 2.0.11 then refuses to start, and pm2 loops on
 * it): the doctor names it, `doctor --fix` moves it into the backups and the broker serves again.
 */

const check = (doctor: DoctorResult, id: string) => doctor.checks.find((c) => c.id === id);

/** A provisioned gateway whose broker's database a power cut spoilt (test/helpers/persistence.ts). */
async function corrupted(t: TestContext): Promise<{ box: Sandbox; db: string }> {
  const box = await provisioned(t);
  return { box, db: await corruptDatabase(box) };
}

test('a corrupt persistence database: doctor names it, --fix sets it aside and the broker serves', {
  timeout: 120_000,
}, async (t) => {
  const { box, db } = await corrupted(t);

  const before = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  const persistence = check(before, 'broker.persistence');
  assert.equal(persistence?.status, 'fail', JSON.stringify(before.checks, null, 1));
  assert.match(persistence?.detail ?? '', /mosquitto\.db: not a mosquitto database/);
  assert.equal(persistence?.hint, 'gate-mqtt doctor --fix moves it into the backups and starts the broker');

  const fixed = parseJson<DoctorResult>(await box.cli(['doctor', '--fix', '--json']));
  const report = JSON.stringify({ fixes: fixed.fixes, checks: fixed.checks }, null, 1);
  const step = fixed.fixes?.find((f) => f.id === 'broker.persistence');
  assert.equal(step?.ok, true, report);
  assert.match(step?.detail ?? '', /persistence-corrupt/, report);
  assert.equal(check(fixed, 'broker.persistence')?.status, 'pass', report);
  assert.equal(check(fixed, 'broker.roundtrip')?.status, 'pass', report);
  assert.equal(check(fixed, 'pm2.process')?.status, 'pass', report);
  // kept byte for byte, named with the reason, and listed with the other backups
  const kept = setAside(box, db);
  assert.equal(kept.length, 1);
  assert.deepEqual(kept[0]?.data, GARBAGE);
  const listed = parseJson<{ backups: Array<{ id: string; reason: string }> }>(
    await box.cli(['config', 'backups', '--json']),
  );
  assert.ok(listed.backups.some((b) => b.id === kept[0]?.id && b.reason === 'persistence-corrupt'));
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);

  // a second run has nothing to fix here
  const backups = readdirSync(box.paths.backupDir).sort();
  const again = parseJson<DoctorResult>(await box.cli(['doctor', '--fix', '--json']));
  assert.equal(check(again, 'broker.persistence')?.status, 'pass');
  assert.equal(again.fixes, undefined, JSON.stringify(again.fixes));
  assert.deepEqual(readdirSync(box.paths.backupDir).sort(), backups, 'no new backup');
  // the broker keeps its database again: what it writes as it stops is mosquitto's own
  assert.equal(box.pm2(['restart', 'mqtt']).code, 0);
  await waitFor('a new database', () => isMosquittoDb(db));
  const later = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  assert.match(check(later, 'broker.persistence')?.detail ?? '', /mosquitto\.db, \d+ bytes/);
});

test('the same in Polish: no English words in the doctor or its fix', { timeout: 120_000 }, async (t) => {
  const { box } = await corrupted(t);
  for (const args of [['doctor'], ['doctor', '--fix']]) {
    const run = await box.cli([...args, '--lang', 'pl']);
    const text = `${run.stdout}${run.stderr}`;
    assert.match(text, /broker\.persistence/);
    assert.deepEqual(englishWords(text), [], `${args.join(' ')}:\n${englishLines(text).join('\n')}\n\n${text}`);
  }
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});
