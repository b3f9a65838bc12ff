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

test('doctor --inventory: a whole site over a real sshd, one stopped broker and one unreachable gateway', {
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
});
