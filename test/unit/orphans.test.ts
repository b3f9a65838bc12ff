import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { brokersServing, orphanBrokers, servesConfig, stopProcesses } from '../../src/broker/orphans.js';
import { listeningInodes } from '../../src/broker/port-holder.js';
import { judgeOrphans } from '../../src/checks/broker-orphan.js';
import { localTime } from '../../src/i18n/format.js';
import { processAlive } from '../../src/platform/process-info.js';
import { probe } from '../helpers/unit-context.js';

const CONFIG = '/gw/usr/etc/mosquitto/mosquitto.conf';

test('a broker serves a config when its argv is mosquitto ... -c CONFIG', () => {
  assert.equal(servesConfig(['/gw/usr/bin/mosquitto', '-c', CONFIG], CONFIG), true);
  assert.equal(servesConfig(['mosquitto', '-v', '--config-file', `${CONFIG}`], CONFIG), true);
  assert.equal(servesConfig(['/usr/sbin/mosquitto', '-c', '/other.conf'], CONFIG), false);
  assert.equal(servesConfig(['/usr/bin/vim', '-c', CONFIG], CONFIG), false);
  assert.equal(servesConfig(['mosquitto'], CONFIG), false);
});

test('brokers are found from /proc; the one pm2 runs is not an orphan', async (t) => {
  // A stand-in whose argv reads `…/mosquitto … -c CONFIG` (a node that waits): found by its argv alone.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const config = path.join(dir, 'mosquitto.conf');
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', '--', '-c', config], {
    argv0: path.join(dir, 'mosquitto'),
    stdio: 'ignore',
  });
  t.after(() => child.kill('SIGKILL'));
  let found = await brokersServing(config);
  for (let i = 0; i < 100 && found.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 20));
    found = await brokersServing(config);
  }
  assert.deepEqual(
    found.map((b) => b.pid),
    [child.pid],
  );
  assert.ok(found[0]?.startedAt instanceof Date);
  assert.deepEqual(await orphanBrokers(config, child.pid), [], "pm2's own broker");
  assert.equal((await orphanBrokers(config, undefined)).length, 1, 'no pm2: an orphan');
  await stopProcesses(found, 2000);
  assert.equal(processAlive(child.pid!), false);
});

test('the listening socket of a port is read from /proc/net/tcp', () => {
  const table = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000:075B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1',
    '   1: 0100007F:075B 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 4343 1',
    '   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1',
  ].join('\n');
  assert.deepEqual(listeningInodes(table, 1883), ['4242'], 'LISTEN only, not the connection on 1883');
  assert.deepEqual(listeningInodes(table, 8080), ['4444']);
  assert.deepEqual(listeningInodes('', 1883), []);
});

test('broker.orphan fails on a broker pm2 does not run, naming its pid and since when', () => {
  const brokers = probe('broker pid=4242 start=100000\nbroker pid=77 start=90000\nbtime=1700000000');
  const pm2Online = probe(`now=1\n${JSON.stringify([{ name: 'mqtt', pid: 77, pm2_env: { status: 'online' } }])}`);
  const outcome = judgeOrphans(brokers, pm2Online);
  assert.equal(outcome.status, 'fail');
  // in the gateway's local time, as its clock shows it
  assert.ok(outcome.detail.includes(`pid 4242 since ${localTime(new Date('2023-11-14T22:30:00Z'))}`), outcome.detail);
  assert.doesNotMatch(outcome.detail, /pid 77/);
  assert.match(outcome.hint ?? '', /doctor --fix/);
  assert.equal(judgeOrphans(probe('broker pid=77 start=1\nbtime=1'), pm2Online).status, 'pass');
  assert.equal(judgeOrphans(probe('broker pid=77 start=1\nbtime=1'), probe('now=1\nno-daemon')).status, 'fail');
  assert.equal(judgeOrphans(probe('btime=1'), probe('now=1\nno-daemon')).detail, 'no broker outside pm2');
});
