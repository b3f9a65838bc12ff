import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InventorySyntaxError } from '../../src/fleet/ansible-syntax.js';
import { connectionOf } from '../../src/fleet/connection.js';
import { parseIni } from '../../src/fleet/ini-inventory.js';
import { hostVars, type InventoryData } from '../../src/fleet/inventory-data.js';
import { selectHosts } from '../../src/fleet/patterns.js';
import { remoteProfile, shownTarget, targetOf } from '../../src/fleet/site-run.js';
import { parseYamlInventory } from '../../src/fleet/yaml-inventory.js';
import { GateError } from '../../src/model/errors.js';

// Every expectation below is what ansible-core 2.14 says for the same text (ansible-inventory --list,
// ansible all --limit PATTERN --list-hosts); the integration tier asks Ansible itself for many more.

const NO_FILES = { group: () => ({}), host: () => ({}) };
const varsOf = (data: InventoryData, host: string) => hostVars(data, host, NO_FILES);

const SITE = `
# a site: hosts before any section are ungrouped
gw-loose ansible_host=127.0.0.20 ansible_port=2201

[hall]
gw[01:03] ansible_host=127.0.0.21
gw-attic:2222 ansible_host=127.0.0.22 note='a "quoted" word' flag=True

[garage]
gw-[a:b] ansible_ssh_host=127.0.0.23 ansible_host=127.0.0.99 ansible_user=ignored ansible_ssh_user=tech

[site:children]
hall
garage

[site:vars]
ansible_user="root"
ansible_port='8022'
ansible_ssh_common_args='-o ConnectTimeout=3 -o "ProxyCommand=none"'

[garage:vars]
ansible_ssh_port=9022
`;

test('INI: ranges, :port, Python literals, children, group and host vars as Ansible reads them', () => {
  const data = parseIni(SITE);
  assert.deepEqual(data.hosts(), ['gw-loose', 'gw01', 'gw02', 'gw03', 'gw-attic', 'gw-a', 'gw-b']);
  assert.deepEqual(varsOf(data, 'gw-attic'), {
    ansible_user: 'root',
    ansible_port: 2222,
    ansible_ssh_common_args: '-o ConnectTimeout=3 -o "ProxyCommand=none"',
    ansible_host: '127.0.0.22',
    note: 'a "quoted" word',
    flag: true,
  });
  assert.equal(varsOf(data, 'gw01').ansible_port, '8022', "'8022' is a Python string literal: its quotes go");
  assert.deepEqual(data.groupsOf('gw-a').sort(), ['all', 'garage', 'site']);
  assert.deepEqual(data.groupsOf('gw-loose').sort(), ['all', 'ungrouped']);
});

test("connections: ansible_ssh_* aliases win, the key file and ssh args are Ansible's ssh plugin's", () => {
  const data = parseIni(SITE);
  assert.deepEqual(connectionOf('gw-a', varsOf(data, 'gw-a')), {
    kind: 'ssh',
    host: '127.0.0.23',
    user: 'tech',
    port: 9022,
    options: ['-o', 'ConnectTimeout=3', '-o', 'ProxyCommand=none'],
  });
  assert.deepEqual(connectionOf('gw-loose', varsOf(data, 'gw-loose')), {
    kind: 'ssh',
    host: '127.0.0.20',
    port: 2201,
  });
  const keyed = connectionOf('k', { ansible_private_key_file: '/a', ansible_ssh_private_key_file: '/b' });
  assert.equal(keyed.identity, '/b');
  assert.deepEqual(connectionOf('x', { ansible_ssh_extra_args: "-o 'User=x y'" }).options, ['-o', 'User=x y']);
  assert.equal(
    shownTarget({ name: 'n', groups: [], target: keyed, profile: remoteProfile(undefined, undefined) }),
    'ssh://k',
  );
});

test('connections Ansible would make but gate-mqtt cannot are refused, never guessed', () => {
  for (const vars of [
    { ansible_port: 'ssh' },
    { ansible_port: 70000 },
    { ansible_host: '{{ lookup("env", "GW") }}' },
    { ansible_connection: 'local' },
  ])
    assert.throws(() => connectionOf('gw', vars), InventorySyntaxError, JSON.stringify(vars));
  // ssh would read these as options: refused like --target (exit 2)
  for (const vars of [{ ansible_host: '-oProxyCommand=x' }, { ansible_user: '-F.' }])
    assert.throws(
      () => connectionOf('gw', vars),
      (e: unknown) => e instanceof GateError && e.exitCode === 2,
    );
});

test('INI lines Ansible refuses are refused with their line number', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['[g]\nh1\n[g:vars]\nnot a pair\n', 4, /Expected key=value/],
    ['[g]\nh1 port\n', 2, /Expected key=value host variable/],
    ['[a:children]\nnope\n', 2, /includes undefined group: nope/],
    ['[x:vars]\nk=v\n', 1, /not valid for undefined group/],
    ['[g]\nh[c:a]\n', 2, /begin <= end/],
    ["[g]\nh1 k='open\n", 2, /No closing quotation/],
    ['[g x]\n', 1, /Invalid section entry/],
  ];
  for (const [text, line, why] of cases)
    assert.throws(
      () => parseIni(text),
      (e: unknown) => (e as { line?: number }).line === line && why.test((e as Error).message),
      text,
    );
});

test('YAML: mappings of groups (YAML 1.1 as PyYAML), a hosts list refused as Ansible does', async () => {
  const data = await parseYamlInventory(
    [
      'all:',
      '  children:',
      '    site:',
      '      hosts:',
      '        gw-[1:2]: { ansible_port: 22 }',
      '        "db:2201":',
      '      vars: { ansible_user: tech, on: yes, mode: 0755 }',
    ].join('\n'),
  );
  assert.deepEqual(data.hosts(), ['gw-1', 'gw-2', 'db']);
  assert.deepEqual(varsOf(data, 'db'), { ansible_user: 'tech', true: true, mode: 493, ansible_port: 2201 });
  await assert.rejects(parseYamlInventory('all:\n  hosts: [gw-a, gw-b]\n'), /Invalid "hosts" entry for "all" group/);
  await assert.rejects(parseYamlInventory(''), /Parsed empty YAML file/);
  await assert.rejects(parseYamlInventory('plugin: aws_ec2\n'), /Plugin configuration/);
});

test('--limit patterns select what Ansible selects', () => {
  const data = parseIni(SITE);
  const cases: Array<[string, string]> = [
    ['hall', 'gw01,gw02,gw03,gw-attic'],
    ['hall:garage', 'gw01,gw02,gw03,gw-attic,gw-a,gw-b'],
    ['site:&garage', 'gw-a,gw-b'],
    ['site:!gw0*', 'gw-attic,gw-a,gw-b'],
    ['gw-?', 'gw-a,gw-b'],
    ['~gw0[12]', 'gw01,gw02'],
    ['hall[0]', 'gw01'],
    ['hall[1:2]', 'gw02,gw03'],
    ['hall[-1]', 'gw-attic'],
    ['site:!hall:&garage', 'gw-a,gw-b'],
    ['all[1:]', 'gw01,gw02,gw03,gw-attic,gw-a,gw-b'],
    ['ungrouped', 'gw-loose'],
    ['h*', 'gw01,gw02,gw03,gw-attic'],
    ['nothing', ''],
  ];
  for (const [pattern, expected] of cases) assert.equal(selectHosts(data, pattern).join(','), expected, pattern);
});

test('a site target keeps the inventory name and groups, and its own layout where the host names one', () => {
  const layout = remoteProfile(undefined, undefined);
  const target = connectionOf('gw', { ansible_host: 'fd00::5', ansible_user: 'u', ansible_port: 22 });
  const site = targetOf({ name: 'gw', groups: ['hall'], target, layout: { root: '/tmp/gw' } }, layout);
  assert.equal(shownTarget(site), 'ssh://u@[fd00::5]:22');
  assert.deepEqual(site.groups, ['hall']);
  assert.equal(site.profile.paths.configFile, '/tmp/gw/data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf');
  const plain = targetOf({ name: 'p', groups: [], target, layout: {} }, layout);
  assert.equal(plain.profile, layout, "the command line's layout when the inventory names none");
  const broken = targetOf({ name: 'b', groups: [], layout: {}, error: 'ansible_port x is not a port' }, layout);
  assert.equal(shownTarget(broken), '-');
  assert.equal(broken.error, 'ansible_port x is not a port');
});
