import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freePort, parseJson, provisioned } from '../helpers/sandbox.js';
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
  assert.match(plain.stdout, /^gateway +problems\n/);
  assert.match(plain.stdout, /\ngw-hall +OK +(-|WARN config\.security)\n/);
  assert.match(plain.stdout, /\ngw-attic +FAILED +FAIL pm2\.process \("mqtt" is stopped\), broker\.listening, /);
  assert.match(plain.stdout, /\ngw-gone +UNREACHABLE +ssh:\/\/.* refused the connection\n/);
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
  assert.match(table.stdout, /^gateway +mqtt +mosquitto +up +restarts +listener\n/);
  assert.match(table.stdout, /\ngw-hall +online +\d+\.\d+\.\d+ +\d+[smhd] +0 +\d+ answering\n/);
  assert.match(table.stdout, /\ngw-attic +stopped +\d+\.\d+\.\d+ +- +0 +\d+ not answering\n/);
  assert.match(table.stdout, /\ngw-gone +UNREACHABLE +ssh:\/\/.* refused the connection\n/);
  assert.match(table.stdout, /\n3 gateways: 1 online, 1 not online, 1 unreachable\n$/);
});

test('status and doctor over a site refuse what cannot be a site, before anything runs', async (t) => {
  const gateway = await provisioned(t);
  const local = await gateway.cli(['status', '--target', 'local'], { root: false });
  assert.equal(local.code, 2);
  assert.match(local.stderr, /over ssh or adb, not local/);
  const typo = await gateway.cli(['status', '--inventory', '/nonexistent/site.ini'], { root: false });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /cannot read the inventory/);
});
