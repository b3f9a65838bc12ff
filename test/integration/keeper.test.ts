import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { brokersServing } from '../../src/broker/orphans.js';
import { factoryConfig } from '../../src/config/factory.js';
import { keepersRunning } from '../../src/keeper/processes.js';
import type { KeeperReport } from '../../src/keeper/state.js';
import { readProcessStat } from '../../src/platform/process-info.js';
import { roundTrip } from '../helpers/mqtt.js';
import { corruptedOnRestart, GARBAGE, setAside } from '../helpers/persistence.js';
import {
  cleanEnv,
  type DoctorResult,
  freePort,
  parseJson,
  type Sandbox,
  sandbox,
  waitFor,
} from '../helpers/sandbox.js';

/** The keeper checks every second here (a minute on a gateway), so a test waits seconds, not minutes. */
const FAST = cleanEnv({ GATE_MQTT_KEEPER_SECONDS: '1' });

async function keeperBox(t: Parameters<typeof sandbox>[0], env = FAST): Promise<Sandbox> {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--port', String(box.port)], { env });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  return box;
}

const keeperOf = async (box: Sandbox) =>
  parseJson<{ keeper: KeeperReport }>(await box.cli(['status', '--json'])).keeper;
const keeperLog = (box: Sandbox) => readFileSync(box.paths.keeperLog, 'utf8');
const count = (text: string, pattern: RegExp) => text.split('\n').filter((line) => pattern.test(line)).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a broker stopped with SIGSTOP is restarted by the keeper within a few checks, and status says why', {
  timeout: 90_000,
}, async (t) => {
  const box = await keeperBox(t);
  const before = box.mqtt();
  assert.ok(before?.pid);
  process.kill(before.pid, 'SIGSTOP'); // alive to pm2, deaf to clients
  const after = await waitFor(
    'the broker restarted',
    () => {
      const now = box.mqtt();
      return now && now.pid !== before.pid && now.status === 'online' ? now : undefined;
    },
    60_000,
  );
  assert.equal(after.restarts, before.restarts + 1);
  await waitFor('the broker answers', async () => (await roundTrip({ host: '127.0.0.1', port: box.port })).ok);
  const keeper = await keeperOf(box);
  assert.equal(keeper.status, 'online');
  assert.equal(keeper.checkEvery, 1);
  assert.equal(keeper.lastRestart?.reason, 'broker-unanswered');
  assert.equal(keeper.restartsLastHour, 1);
  assert.match(
    (await box.cli(['status'])).stdout,
    /keeper .*last restart .*the broker did not answer 3 checks in a row/,
  );
  const logs = (await box.cli(['logs', '--ours'])).stdout;
  assert.match(logs, /the broker does not answer a round trip/);
  assert.match(logs, /restarting the broker through pm2: the broker did not answer 3 checks in a row/);
});

test('the restart limit: a broker that never answers is restarted 3 times in an hour, then left, and it is said', {
  timeout: 150_000,
}, async (t) => {
  const box = await keeperBox(t);
  // every broker of this gateway is stopped as soon as it runs: no restart can help
  const stopped = new Set<number>();
  const stopper = setInterval(async () => {
    for (const broker of await brokersServing(box.paths.configFile)) {
      if (stopped.has(broker.pid)) continue;
      stopped.add(broker.pid);
      try {
        process.kill(broker.pid, 'SIGSTOP');
      } catch {}
    }
  }, 50);
  t.after(() => clearInterval(stopper));
  await waitFor('the keeper giving up', () => /restart-limit/.test(keeperLog(box)), 120_000);
  assert.equal(box.mqtt()?.restarts, 3);
  await sleep(10_000); // ten more checks, each failed
  assert.equal(box.mqtt()?.restarts, 3, 'no fourth restart within the hour');
  const log = keeperLog(box);
  assert.equal(count(log, /restart reason=broker-unanswered/), 3);
  assert.equal(count(log, /restart-limit/), 1, 'said once, not at every check');
  const keeper = await keeperOf(box);
  assert.equal(keeper.restartsLastHour, 3);
  assert.match((await box.cli(['logs', '--ours'])).stdout, /3 restarts in the last hour is the limit/);
});

test('after the pm2 daemon is killed three times and recovered, one keeper runs; doctor names two and --fix ends one', {
  timeout: 120_000,
}, async (t) => {
  const box = await keeperBox(t, cleanEnv()); // the keeper's own interval (a minute): an orphan does not end itself yet
  const daemonPid = () => Number(readFileSync(path.join(box.paths.pm2Home, 'pm2.pid'), 'utf8'));
  const kill = () => process.kill(daemonPid(), 'SIGKILL');
  // 1: Android kills the daemon; the boot hook's way back (pm2 resurrect) starts a second keeper beside the orphan
  kill();
  await waitFor('the daemon gone', () => (readProcessStat(daemonPid())?.state ?? 'Z') === 'Z');
  assert.equal(box.pm2(['resurrect']).code, 0);
  await waitFor('two keepers', async () => (await keepersRunning(box.paths.stateDir)).length === 2, 15_000);
  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  const check = doctor.checks.find((c) => c.id === 'pm2.keeper');
  assert.equal(check?.status, 'fail', JSON.stringify(check));
  assert.match(check?.detail ?? '', /2 keepers of this gateway run/);
  const fixed = await box.cli(['doctor', '--fix']);
  assert.match(fixed.stdout, /ended 1 keeper outside pm2/);
  assert.equal((await keepersRunning(box.paths.stateDir)).length, 1);
  // 2 and 3: killed again, recovered by provision
  for (let i = 0; i < 2; i++) {
    kill();
    const run = await box.cli(['provision', '--port', String(box.port)]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  }
  const keepers = await keepersRunning(box.paths.stateDir);
  assert.equal(keepers.length, 1, JSON.stringify(keepers));
  assert.equal(readProcessStat(keepers[0]!.pid)?.parentPid, daemonPid(), "the one keeper is pm2's");
  const again = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  assert.equal(again.checks.find((c) => c.id === 'pm2.keeper')?.status, 'pass');
});

test('an orphaned keeper ends itself at its next check when pm2 comes back by itself', {
  timeout: 60_000,
}, async (t) => {
  const box = await keeperBox(t);
  process.kill(Number(readFileSync(path.join(box.paths.pm2Home, 'pm2.pid'), 'utf8')), 'SIGKILL');
  assert.equal(box.pm2(['resurrect']).code, 0);
  await waitFor('one keeper', async () => (await keepersRunning(box.paths.stateDir)).length === 1, 15_000);
  assert.match(keeperLog(box), /orphaned/);
});

test('a bridge whose peer is stopped is reported; the broker is restarted once for it, not again within the hour', {
  timeout: 150_000,
}, async (t) => {
  const box = await keeperBox(t);
  const peerPort = await freePort();
  const peerConf = path.join(box.root, 'peer.conf');
  writeFileSync(peerConf, `listener ${peerPort} 127.0.0.1\nallow_anonymous true\n`);
  const peer = spawn('mosquitto', ['-c', peerConf], { stdio: 'ignore' });
  t.after(() => peer.kill('SIGKILL'));
  await waitFor('the peer answers', async () => (await roundTrip({ host: '127.0.0.1', port: peerPort })).ok);
  const conf = path.join(box.root, 'bridged.conf');
  writeFileSync(
    conf,
    `${factoryConfig(box.port)}\nconnection peer\naddress 127.0.0.1:${peerPort}\ntopic gate/# both 0\n`,
  );
  const applied = await box.cli(['config', 'apply', conf], { env: FAST });
  assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  const restartsBefore = box.mqtt()!.restarts;
  await waitFor(
    'the bridge up',
    async () => {
      const status = parseJson<{ bridges: Array<{ connected: boolean | null }> }>(await box.cli(['status', '--json']));
      return status.bridges[0]?.connected === true;
    },
    20_000,
  );
  peer.kill('SIGTERM');
  await waitFor('the keeper reporting the bridge down', async () => (await keeperOf(box)).bridgesDown.length > 0);
  assert.match((await keeperOf(box)).bridgesDown[0] ?? '', /peer/);
  await waitFor('one restart for the bridge', () => /restart reason=bridge-down/.test(keeperLog(box)), 60_000);
  await waitFor('the broker restarted once', () => {
    const mqtt = box.mqtt();
    return mqtt?.status === 'online' && mqtt.restarts === restartsBefore + 1;
  });
  // 15 more checks with the bridge still down: held, not restarted again
  await waitFor('the keeper holding', () => /bridge-restart-held/.test(keeperLog(box)), 60_000);
  assert.equal(count(keeperLog(box), /restart reason=bridge-down/), 1);
  assert.equal(box.mqtt()!.restarts, restartsBefore + 1);
  const keeper = await keeperOf(box);
  assert.equal(keeper.lastRestart?.reason, 'bridge-down');
  assert.match((await box.cli(['status'])).stdout, /bridges down: .*peer/);
});

test('a corrupt database is set aside by the keeper, kept in the backups, and the broker serves again', {
  timeout: 120_000,
}, async (t) => {
  const box = await keeperBox(t);
  const db = await corruptedOnRestart(box);
  await waitFor(
    'the broker serving again',
    async () => (await roundTrip({ host: '127.0.0.1', port: box.port })).ok,
    60_000,
  );
  const kept = setAside(box, db);
  assert.equal(kept.length, 1);
  assert.deepEqual(kept[0]!.data, GARBAGE, 'the backup holds the database as it was');
  assert.match(keeperLog(box), /database-set-aside backup=\S+-persistence-corrupt/);
  // pm2's own crash loop may bring the broker up before the keeper's restart is recorded
  await waitFor('the restart recorded', async () => (await keeperOf(box)).lastRestart?.reason === 'database-set-aside');
  const backups = await box.cli(['config', 'backups']);
  assert.match(backups.stdout, new RegExp(kept[0]!.id));
});

test('--check-every is kept in the definition: the same value or none changes nothing; a bad one is exit 2', {
  timeout: 60_000,
}, async (t) => {
  const box = await sandbox(t);
  const provision = async (...more: string[]) =>
    parseJson<{ changed: boolean; error?: { message: string; hint: string } }>(
      await box.cli(['provision', '--port', String(box.port), '--json', ...more]),
    );
  assert.equal((await provision('--check-every', '30')).changed, true);
  assert.equal((await keeperOf(box)).checkEvery, 30);
  const keeper = (await keepersRunning(box.paths.stateDir))[0];
  assert.equal((await provision('--check-every', '30')).changed, false);
  assert.equal((await provision()).changed, false, 'a run without the option keeps the interval');
  assert.deepEqual(await keepersRunning(box.paths.stateDir), [keeper], 'the keeper was left alone');
  const bad = await box.cli(['provision', '--check-every', '3']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--check-every must be a whole number 5-3600, not "3"\nhint: e\.g\. --check-every 10\n/);
  assert.equal((await provision('--check-every', '5')).changed, true);
  assert.equal((await keeperOf(box)).checkEvery, 5);
});
