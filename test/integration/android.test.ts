import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { processAlive } from '../../src/platform/process-info.js';
import { roundTrip } from '../helpers/mqtt.js';
import { englishWords } from '../helpers/polish.js';
import {
  type DoctorResult,
  PROJECT,
  parseJson,
  provisioned,
  type Result,
  type Sandbox,
  sandbox,
  waitFor,
} from '../helpers/sandbox.js';

/** A stand-in for Termux:API's termux-job-scheduler: Termux:API (an Android app) cannot run here. */
const FAKE_SCHEDULER = path.join(PROJECT, 'test', 'fixtures', 'fake-termux-job-scheduler');

const step = (result: Result, id: string) => result.steps.find((s) => s.id === id);
const check = (doctor: DoctorResult, id: string) => doctor.checks.find((c) => c.id === id);

async function provision(box: Sandbox): Promise<Result> {
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  return parseJson<Result>(run);
}

test('with termux-job-scheduler (a stand-in), provision registers the watchdog job once and doctor reports it', {
  timeout: 120_000,
}, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.bin, { recursive: true });
  copyFileSync(FAKE_SCHEDULER, box.paths.jobScheduler);
  const first = await provision(box);
  assert.equal(step(first, 'startup.watchdog')?.changed, true);
  assert.match(step(first, 'startup.watchdog')?.detail ?? '', /^registered job 1883: .*pm2-watchdog every 15 min/);
  const second = await provision(box);
  assert.equal(second.changed, false, JSON.stringify(second.steps.filter((s) => s.changed)));
  assert.match(step(second, 'startup.watchdog')?.detail ?? '', /^job 1883 runs /);
  const calls = readFileSync(`${box.paths.jobScheduler}.calls`, 'utf8').trim().split('\n');
  assert.equal(calls.filter((call) => call.includes('--job-id')).length, 1, `registered once: ${calls.join(' | ')}`);

  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  assert.equal(check(doctor, 'android.watchdog')?.status, 'pass');
  assert.match(check(doctor, 'android.watchdog')?.detail ?? '', /^job 1883 runs .*pm2-watchdog every 15 min/);
  assert.equal(check(doctor, 'android.phantom')?.status, 'pass', 'not Android');
  const polish = await box.cli(['doctor', '--lang', 'pl']);
  const row = polish.stdout.split('\n').find((line) => line.includes('android.watchdog')) ?? '';
  assert.match(row, /OK +android\.watchdog +zadanie 1883 uruchamia .* co 15 min/);
  assert.deepEqual(englishWords(row), [], row);
});

test('the watchdog job brings pm2 and mqtt back after Android killed the daemon, the broker left orphaned', {
  timeout: 120_000,
}, async (t) => {
  const box = await sandbox(t);
  mkdirSync(box.paths.bin, { recursive: true });
  copyFileSync(FAKE_SCHEDULER, box.paths.jobScheduler);
  await provision(box);
  const broker = box.mqtt()!.pid;
  // What the phantom process killer does: signal 9 to pm2's daemon; mosquitto runs on without it.
  process.kill(Number(readFileSync(path.join(box.paths.pm2Home, 'pm2.pid'), 'utf8')), 'SIGKILL');
  const ran = spawnSync(box.paths.watchdogScript, [], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(ran.status, 0, `${ran.stdout}\n${ran.stderr}`);
  const back = await waitFor('mqtt online under a new pm2 daemon', () => {
    const mqtt = box.mqtt();
    return mqtt?.status === 'online' && mqtt.pid !== broker && mqtt;
  });
  assert.ok(back.pid > 0);
  assert.equal(processAlive(broker), false, 'the orphaned broker was stopped (a zombie until reaped)');
  await waitFor('a round trip', async () => (await roundTrip({ host: '127.0.0.1', port: box.port })).ok);
  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  for (const id of ['pm2.process', 'broker.orphan', 'broker.roundtrip'])
    assert.equal(check(doctor, id)?.status, 'pass', id);
});

test('without termux-job-scheduler provision does not fail and doctor says the job scheduler is absent', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  assert.equal(existsSync(box.paths.watchdogScript), false, 'nothing written without Termux:API');
  const again = await provision(box);
  assert.equal(step(again, 'startup.watchdog')?.status, 'done');
  assert.equal(step(again, 'startup.watchdog')?.warning, undefined);
  assert.match(step(again, 'startup.watchdog')?.detail ?? '', /^no termux-job-scheduler \(Termux:API\)/);
  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  assert.equal(check(doctor, 'android.watchdog')?.status, 'pass', 'Termux:API is optional: a note, not a warning');
  assert.match(check(doctor, 'android.watchdog')?.detail ?? '', /^no termux-job-scheduler/);
});
