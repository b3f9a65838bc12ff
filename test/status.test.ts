import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseJson, provisioned, runCli, sandbox } from './helpers/sandbox.js';

interface Status {
  command: string;
  ok: boolean;
  broker: { binary: string | null; version: string | null };
  pm2: { daemon: boolean; status: string; pid: number | null; restarts: number | null };
  listeners: Array<{ port: number; bind: string; answering: boolean }>;
  bridges: Array<{ name: string; connected: boolean | null }>;
}

test('status shows the broker, pm2, listeners and bridge states', { timeout: 90_000 }, async (t) => {
  const remote = await provisioned(t);
  const box = await provisioned(t);
  const file = path.join(box.root, 'bridged.conf');
  writeFileSync(file, `listener ${box.port} 0.0.0.0\nallow_anonymous true\n\nconnection up\naddress 127.0.0.1:${remote.port}\ntopic a/# both\n`);
  assert.equal((await box.cli(['config', 'apply', file])).code, 0);
  let status = parseJson<Status>(await box.cli(['status', '--json']));
  for (let i = 0; i < 20 && status.bridges[0]?.connected !== true; i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = parseJson<Status>(await box.cli(['status', '--json']));
  }
  assert.equal(status.ok, true);
  assert.match(status.broker.version ?? '', /^\d+\.\d+\.\d+$/);
  assert.equal(status.pm2.status, 'online');
  assert.equal(status.pm2.pid, box.mqtt()?.pid);
  assert.deepEqual(status.listeners, [{ port: box.port, bind: '0.0.0.0', answering: true }]);
  assert.deepEqual(status.bridges, [{ name: 'up', addresses: [`127.0.0.1:${remote.port}`], connected: true }]);
  const text = await box.cli(['status']);
  assert.match(text.stdout, /pm2 +online, pid \d+/);
});

test('status without a pm2 daemon says so, exits 1 and spawns none', { timeout: 30_000 }, async (t) => {
  const box = await sandbox(t);
  const run = await box.cli(['status', '--json']);
  assert.equal(run.code, 1);
  assert.equal(parseJson<Status>(run).pm2.status, 'no daemon');
  assert.equal(existsSync(box.paths.pm2Home), false);
});

test('doctor on a machine that is no gateway, without --root or --target, exits 4', async () => {
  const run = await runCli(['doctor', '--json']);
  assert.equal(run.code, 4, run.stdout);
});
