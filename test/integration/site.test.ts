import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { freePort, parseJson, provisioned, waitFor } from '../helpers/sandbox.js';
import { startSshd } from '../helpers/sshd.js';
import { lines } from '../helpers/text.js';

interface Site {
  command: string;
  ok: boolean;
  targets: { name: string; target: string; ok: boolean; error?: string; checks: { id: string; status: string }[] }[];
}

interface StatusRow {
  name: string;
  ok: boolean;
  error?: string;
  broker?: { version: string | null };
  pm2?: { status: string; pid: number | null };
  listener?: { answering: boolean } | null;
}

test('doctor and status --inventory: a whole site over a real sshd, one stopped broker and one unreachable gateway', {
  timeout: 180_000,
}, async (t) => {
  const healthy = await provisioned(t);
  const stopped = await provisioned(t);
  stopped.pm2(['stop', 'mqtt']);
  const sshd = await startSshd(t);
  const closed = await freePort();
  const inventory = path.join(healthy.root, 'site.ini');
  writeFileSync(
    inventory,
    lines(
      '[site]',
      `gw-hall ansible_host=127.0.0.1 ansible_port=${sshd.port} gate_mqtt_root=${healthy.root}`,
      `gw-attic ansible_host=127.0.0.1 ansible_port=${sshd.port} gate_mqtt_root=${stopped.root}`,
      `gw-gone ansible_host=127.0.0.1 ansible_port=${closed}`,
      '',
      '[site:vars]',
      `ansible_user=${sshd.user}`,
    ),
  );
  const args = ['doctor', '--inventory', inventory, '--ssh-config', sshd.clientConfig];
  const json = await healthy.cli([...args, '--json'], { root: false });
  const site = parseJson<Site>(json);
  assert.equal(json.code, 1, 'a failed check and an unreachable gateway');
  assert.deepEqual(
    site.targets.map((g) => [g.name, g.ok]),
    [
      ['gw-hall', true],
      ['gw-attic', false],
      ['gw-gone', false],
    ],
  );
  assert.equal(site.targets[0]!.checks.find((c) => c.id === 'broker.roundtrip')?.status, 'pass');
  assert.equal(site.targets[1]!.checks.find((c) => c.id === 'pm2.process')?.status, 'fail');
  assert.match(site.targets[2]!.error ?? '', /refused the connection/);
  const plain = await healthy.cli(args, { root: false });
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /^gateway +groups +problems\n/);
  assert.match(plain.stdout, /\ngw-hall +site +OK +(-|WARN config\.security)\n/);
  assert.match(plain.stdout, /\ngw-attic +site +FAILED +FAIL pm2\.process \("mqtt" is stopped\), broker\.listening, /);
  assert.match(plain.stdout, /\ngw-gone +site +UNREACHABLE +ssh:\/\/.* refused the connection\n/);
  assert.match(plain.stdout, /\n3 gateways: 1 ok, 1 with problems, 1 unreachable\n$/);

  // status --inventory: the same gateways, one row each, from the same probes (nothing of ours on them)
  const statusArgs = ['status', '--inventory', inventory, '--ssh-config', sshd.clientConfig];
  const statusJson = await healthy.cli([...statusArgs, '--json'], { root: false });
  assert.equal(statusJson.code, 1, 'one broker stopped, one gateway unreachable');
  const rows = parseJson<{ command: string; ok: boolean; targets: StatusRow[] }>(statusJson).targets;
  assert.deepEqual(
    rows.map((r) => [r.name, r.ok, r.pm2?.status ?? r.error?.replace(/.* refused the connection$/, 'refused')]),
    [
      ['gw-hall', true, 'online'],
      ['gw-attic', false, 'stopped'],
      ['gw-gone', false, 'refused'],
    ],
  );
  assert.equal(rows[0]!.listener?.answering, true);
  assert.equal(rows[1]!.listener?.answering, false);
  assert.match(rows[0]!.broker?.version ?? '', /^\d+\.\d+\.\d+$/);
  assert.ok((rows[0]!.pm2?.pid ?? 0) > 0 && rows[1]!.pm2?.pid === null);
  const table = await healthy.cli(statusArgs, { root: false });
  assert.equal(table.code, 1);
  assert.match(table.stdout, /^gateway +groups +mqtt +mosquitto +up +restarts +listener\n/);
  assert.match(
    table.stdout,
    /\ngw-hall +site +online +\d+\.\d+\.\d+ +\d+(?:[.,]\d)? (?:s|min|h|d) +0 +\d+ answering\n/,
  );
  assert.match(table.stdout, /\ngw-attic +site +stopped +\d+\.\d+\.\d+ +- +0 +\d+ not answering\n/);
  assert.match(table.stdout, /\ngw-gone +site +UNREACHABLE +ssh:\/\/.* refused the connection\n/);
  assert.match(table.stdout, /\n3 gateways: 1 online, 1 not online, 1 unreachable\n$/);
});

/** A server that accepts and never says a word (ssh waits for its greeting); it knows its open connections. */
async function silentGateway(t: TestContext): Promise<{ port: number; open: Set<Socket>; accepted: () => number }> {
  const open = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    open.add(socket);
    socket.resume(); // read what ssh sends, so its end (the client killed) is seen
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const socket of open) socket.destroy();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, open, accepted: () => accepted };
}

// (A healthy gateway next to a dead one is the test above: here the lanes' 20-s login scripts would
// outlast the short timeout, so only gateways that never answer are in the site.)
test('gateways that never answer are given up one by one at their timeout, each ssh client ended then', {
  timeout: 180_000,
}, async (t) => {
  const gateway = await provisioned(t); // where the CLI runs from
  const first = await silentGateway(t);
  const second = await silentGateway(t);
  // One at a time: when ssh reaches the second silent gateway, the first one's client must be gone within
  // 3 s (killed at its 2-s timeout; left alone, ssh would give up on its own 10 s after it connected).
  let firstEndedInTime: Promise<boolean> | undefined;
  const watch = setInterval(() => {
    if (second.accepted() > 0 && !firstEndedInTime)
      firstEndedInTime = waitFor(
        "the first silent gateway's ssh client to end",
        () => first.open.size === 0,
        3000,
      ).then(
        () => true,
        () => false,
      );
  }, 20);
  t.after(() => clearInterval(watch));
  const inventory = path.join(gateway.root, 'site.ini');
  writeFileSync(
    inventory,
    lines(
      '[site]',
      `gw-silent ansible_host=127.0.0.1 ansible_port=${first.port}`,
      `gw-mute ansible_host=127.0.0.1 ansible_port=${second.port}`,
      '[site:vars]',
      'ansible_user=gate',
    ),
  );
  const args = [
    'status',
    '--inventory',
    inventory,
    '--ssh-config',
    '/dev/null',
    '--concurrency',
    '1',
    '--timeout',
    '2',
  ];
  const run = await gateway.cli([...args, '--json'], { root: false });
  assert.equal(run.code, 1);
  const rows = parseJson<{ targets: StatusRow[] }>(run).targets;
  assert.deepEqual(
    rows.map((r) => [r.name, r.ok, r.error ?? r.pm2?.status]),
    [
      ['gw-silent', false, 'no answer within 2 s'],
      ['gw-mute', false, 'no answer within 2 s'],
    ],
  );
  assert.deepEqual([first.accepted(), second.accepted()], [1, 1], 'ssh reached each silent gateway once');
  assert.equal(await firstEndedInTime, true, "the first silent gateway's ssh client was ended at its timeout");
});

test('status and doctor over a site refuse what cannot be a site, before anything runs', async (t) => {
  const gateway = await provisioned(t);
  const local = await gateway.cli(['status', '--target', 'local'], { root: false });
  assert.equal(local.code, 2);
  assert.match(local.stderr, /over ssh or adb, not local/);
  const typo = await gateway.cli(['status', '--inventory', '/nonexistent/site.ini'], { root: false });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /cannot read the inventory/);
  const alone = await gateway.cli(['status', '--concurrency', '4']);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--concurrency goes with --inventory or --target/);
});
