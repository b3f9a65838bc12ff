import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseJson, provisioned, runCli, sandbox, waitFor } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

interface Status {
  command: string;
  ok: boolean;
  broker: { binary: string | null; version: string | null };
  pm2: { daemon: boolean; status: string; pid: number | null; restarts: number | null };
  listeners: Array<{
    port: number;
    bind: string;
    answering: boolean;
    anonymous: boolean;
    addresses: Array<{ address: string; interface: string; class: string }>;
    unknown: string[];
  }>;
  bridges: Array<{ name: string; connected: boolean | null }>;
}

test('status shows the broker, pm2, listeners and bridge states', { timeout: 90_000 }, async (t) => {
  const remote = await provisioned(t);
  const box = await provisioned(t);
  const file = path.join(box.root, 'bridged.conf');
  writeFileSync(
    file,
    lines(
      `listener ${box.port} 0.0.0.0`,
      'allow_anonymous true',
      '',
      'connection up',
      `address 127.0.0.1:${remote.port}`,
      'topic a/# both',
    ),
  );
  assert.equal((await box.cli(['config', 'apply', file])).code, 0);
  // The bridge connects on its own schedule after the restart: poll status until it says so.
  const status = await waitFor(
    'the bridge to connect',
    async () => {
      const now = parseJson<Status>(await box.cli(['status', '--json']));
      return now.bridges[0]?.connected === true ? now : undefined;
    },
    20_000,
  );
  assert.equal(status.ok, true);
  assert.match(status.broker.version ?? '', /^\d+\.\d+\.\d+$/);
  assert.equal(status.pm2.status, 'online');
  assert.equal(status.pm2.pid, box.mqtt()?.pid);
  const [listener] = status.listeners;
  assert.deepEqual(
    { ...listener, addresses: undefined, unknown: undefined },
    { port: box.port, bind: '0.0.0.0', answering: true, anonymous: true, addresses: undefined, unknown: undefined },
  );
  // 0.0.0.0 covers this machine's IPv4 addresses (read here on our own) and no IPv6 one.
  const ipv4 = Object.values(os.networkInterfaces()).flatMap((list) =>
    (list ?? []).filter((a) => a.family === 'IPv4').map((a) => a.address),
  );
  assert.deepEqual(listener?.addresses.map((a) => a.address).sort(), ipv4.sort());
  assert.deepEqual(
    listener?.addresses.find((a) => a.address === '127.0.0.1'),
    { address: '127.0.0.1', interface: 'lo', class: 'loopback' },
  );
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
