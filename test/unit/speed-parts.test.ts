import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connectPacket, readPackets } from '../../src/broker/mqtt-wire.js';
import { batchScript, splitBatch } from '../../src/checks/batch.js';
import { knownVersion } from '../../src/mosquitto/version-cache.js';
import { dumpFromList } from '../../src/pm2/pm2.js';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gms-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('CONNECT is the MQTT 3.1.1 packet: protocol name, level 4, clean session, keepalive, client id', () => {
  const bytes = connectPacket({ clientId: 'ab', keepalive: 10 });
  assert.deepEqual([...bytes], [0x10, 14, 0, 4, 77, 81, 84, 84, 4, 0x02, 0, 10, 0, 2, 97, 98]);
  const withUser = connectPacket({ clientId: 'c', username: 'u', password: 'p', keepalive: 5 });
  assert.equal(withUser[9], 0x02 | 0x80 | 0x40, 'username and password flags');
});

test('packets are split out of a byte stream, across chunk boundaries and long lengths', () => {
  const suback = Buffer.from([0x90, 3, 0, 1, 1]);
  const long = Buffer.concat([Buffer.from([0x30, 200, 1]), Buffer.alloc(200, 7)]); // remaining length 200: two bytes
  const stream = Buffer.concat([suback, long]);
  const first = readPackets(stream.subarray(0, 7));
  assert.deepEqual(
    first.packets.map((p) => [p.type, p.body.length]),
    [[9, 3]],
  );
  const second = readPackets(Buffer.concat([first.rest, stream.subarray(7)]));
  assert.deepEqual(
    second.packets.map((p) => [p.type, p.body.length]),
    [[3, 200]],
  );
  assert.equal(second.rest.length, 0);
});

test('a batch runs probes in one shell and hands each its own output and status', () => {
  const script = batchScript([
    { script: 'echo one; exit 3', timeoutMs: 1000 },
    { script: 'printf two', timeoutMs: 1000 },
    { script: 'echo three >&2', timeoutMs: 1000 },
  ]);
  const out = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
  const parts = splitBatch(out.stdout, 3, { timedOut: false, ms: 5 });
  assert.deepEqual(
    parts.map((p) => [p.output, p.exitCode]),
    [
      ['one\n', 3],
      ['two', 0],
      ['three\n', 0],
    ],
  );
});

test('a batch cut short marks the probes that did not finish as timed out', () => {
  const parts = splitBatch('\x1eP0\x1eok\n\x1eQ0:0\x1e\n\x1eP1\x1epartial', 3, { timedOut: true, ms: 100 });
  assert.deepEqual(
    parts.map((p) => [p.exitCode, p.timedOut, p.output]),
    [
      [0, false, 'ok\n'],
      [null, true, 'partial'],
      [null, true, ''],
    ],
  );
});

test('a broker version is asked once per build: the cache answers until the binary changes', async (t) => {
  const dir = scratch(t);
  const binary = path.join(dir, 'mosquitto');
  const cache = path.join(dir, 'versions.json');
  writeFileSync(binary, 'build 1');
  let asked = 0;
  const ask = async () => `2.0.${++asked}`;
  const first = await knownVersion(ask, binary, cache);
  assert.deepEqual([first.version, asked], ['2.0.1', 1]);
  writeFileSync(cache, first.updatedCache ?? '');
  assert.deepEqual(await knownVersion(ask, binary, cache), { version: '2.0.1' });
  writeFileSync(binary, 'build 2, another size');
  utimesSync(binary, new Date(), new Date(Date.now() + 5000));
  assert.equal((await knownVersion(ask, binary, cache)).version, '2.0.2', 'a new build is asked again');
});

test("the dump is pm2 save's: each process's pm2_env without pm2's per-run fields, modules left out", () => {
  const text = dumpFromList([
    { pm2_env: { name: 'mqtt', pm_id: 0, instances: 1, prev_restart_delay: 0, pm_exec_path: '/m' } },
    { pm2_env: { name: 'pm2-logrotate', pmx_module: true } },
  ]);
  assert.deepEqual(JSON.parse(text), [{ name: 'mqtt', pm_exec_path: '/m' }]);
});
