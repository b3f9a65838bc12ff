import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIniInventory, parseYamlInventory } from '../../src/fleet/inventory.js';
import { remoteProfile, shownTarget, targetOf } from '../../src/fleet/site-run.js';
import { GateError } from '../../src/model/errors.js';

const INI = `
# a site with two rooms
[hall]
gw-hall ansible_host=192.168.1.20 ansible_user=u0_a123
gw-attic ansible_host=192.168.1.21 ansible_port=2222 gate_mqtt_prefix=/data/data/pl.sviete.dom/files/usr

[garage]
gw-garage

[site:children]
hall
garage

[site:vars]
ansible_user=u0_a200

[all:vars]
ansible_port=8022
`;

const YAML = `
all:
  vars:
    ansible_port: 8022
  children:
    site:
      vars:
        ansible_user: u0_a200
      hosts:
        gw-garage:
      children:
        hall:
          hosts:
            gw-hall: { ansible_host: 192.168.1.20, ansible_user: u0_a123 }
            gw-attic:
              ansible_host: 192.168.1.21
              ansible_port: 2222
              gate_mqtt_prefix: /data/data/pl.sviete.dom/files/usr
`;

const EXPECTED = [
  { name: 'gw-attic', host: '192.168.1.21', port: 2222, user: 'u0_a200', prefix: '/data/data/pl.sviete.dom/files/usr' },
  { name: 'gw-garage', host: 'gw-garage', port: 8022, user: 'u0_a200' },
  { name: 'gw-hall', host: '192.168.1.20', port: 8022, user: 'u0_a123' },
];

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

test('INI and YAML inventories give the same gateways: host vars over group vars over all:vars', async () => {
  assert.deepEqual(byName(parseIniInventory(INI)), EXPECTED);
  assert.deepEqual(byName(await parseYamlInventory(YAML)), EXPECTED);
});

test('each gateway becomes an ssh target (Termux sshd port by default), with its prefix or sandbox root', () => {
  const layout = remoteProfile(undefined, undefined);
  const a = targetOf({ name: 'a', host: '10.0.0.5', user: 'u0_a1' }, layout);
  assert.deepEqual(a.target, { kind: 'ssh', user: 'u0_a1', host: '10.0.0.5', port: 8022 });
  assert.equal(shownTarget(a), 'ssh://u0_a1@10.0.0.5:8022');
  assert.equal(a.profile, layout, "the command line's layout when the inventory names none");
  const b = targetOf({ name: 'b', host: 'fd00::5', user: 'u', port: 22, root: '/tmp/gw' }, layout);
  assert.equal(shownTarget(b), 'ssh://u@[fd00::5]:22');
  assert.equal(b.profile.paths.configFile, '/tmp/gw/data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf');
  const c = targetOf({ name: 'c', host: 'gw', prefix: '/data/data/pl.sviete.dom/files/usr' }, layout);
  assert.equal(c.profile.paths.configFile, '/data/data/pl.sviete.dom/files/usr/etc/mosquitto/mosquitto.conf');
});

test('an inventory host that ssh would read as an option is refused like --target (exit 2)', () => {
  const layout = remoteProfile(undefined, undefined);
  for (const host of [
    { name: 'x', host: '-oProxyCommand=x' },
    { name: 'y', host: 'gw', user: '-F.' },
  ])
    assert.throws(
      () => targetOf(host, layout),
      (e: unknown) => e instanceof GateError && e.exitCode === 2,
    );
});

test("a later [all:vars] does not override the host's group; a host's own vars win in YAML too", async () => {
  const ini = parseIniInventory('[g]\nh1\n[g:vars]\nansible_port=8022\n[all:vars]\nansible_port=22\n');
  assert.equal(ini[0]?.port, 8022);
  const yaml = await parseYamlInventory(
    'all:\n  children:\n    a:\n      hosts:\n        h1: { ansible_port: 2222 }\n    b:\n      vars: { ansible_port: 22 }\n      hosts:\n        h1:\n',
  );
  assert.equal(yaml[0]?.port, 2222);
});
