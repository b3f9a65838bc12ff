import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { readInventory } from '../../src/fleet/inventory.js';
import { DryRunPlan } from '../../src/run/plan.js';
import { Runner } from '../../src/run/runner.js';
import {
  ansibleEnv,
  ansibleGroups,
  ansibleHosts,
  ansibleSshCommands,
  pathWithoutAnsible,
  type SshCommand,
} from '../helpers/ansible.js';
import { parseJson, sandbox } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

// gate-mqtt's reading of inventories held up against Ansible's own (ansible-core from Debian): for each
// form and pattern, the hosts (and their order), their groups and the ssh connection of each must be what
// `ansible --list-hosts`, `ansible-inventory --list` and `ansible -m ping -vvv` say. Every host is a
// closed port on an address of its own in 127.0.0.0/8: Ansible's attempts are refused at once, and its
// "SSH: EXEC" lines name the address.

/** Inventories of every form the issue names, written into `dir`. */
function writeInventories(dir: string) {
  const file = (name: string, ...text: string[]) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), lines(...text));
    return path.join(dir, name);
  };
  const ini = file(
    'ini/site.ini',
    '# ungrouped first, then rooms; quoting, Python literals, ranges, aliases',
    '127.0.0.20 ansible_port=2201',
    '[hall]',
    "127.0.0.[21:23] ansible_user='u0_a123'",
    'gw-attic:2222 ansible_host=127.0.0.24 note="a b" flag=True',
    '[garage]',
    'gw-[a:b] ansible_host=127.0.0.99',
    '[site:children]',
    'hall',
    'garage',
    '[site:vars]',
    'ansible_user="root"',
    "ansible_port='8022'",
    'ansible_ssh_common_args=\'-o ConnectTimeout=3 -o "ProxyCommand=none"\'',
    '[garage:vars]',
    'ansible_ssh_port=9022',
    'ansible_ssh_extra_args=-o LogLevel=ERROR',
  );
  file(
    'ini/group_vars/hall.yml',
    'ansible_ssh_private_key_file: /keys/hall',
    'gate_mqtt_prefix: /data/data/pl.sviete.dom/files/usr',
  );
  file('ini/host_vars/gw-a', 'ansible_ssh_host: 127.0.0.25', 'ansible_ssh_user: tech');
  file('ini/host_vars/gw-b.yaml', 'ansible_ssh_host: 127.0.0.26');
  const yaml = file(
    'yaml/hosts', // a YAML inventory named `hosts`, no extension: Ansible tries YAML first
    'all:',
    '  vars:',
    '    ansible_user: tech',
    '  children:',
    '    warsaw:',
    '      vars: { ansible_port: 8022 }',
    '      hosts:',
    '        127.0.0.[40:41]:',
    '        "127.0.0.42:2202":',
    '          ansible_ssh_user: admin',
    '      children:',
    '        office:',
    '          hosts:',
    '            gw-office: { ansible_host: 127.0.0.43, ansible_private_key_file: "/keys/office" }',
    '    krakow:',
    '      hosts:',
    '        127.0.0.44: { ansible_ssh_port: 2244 }',
  );
  const folder = path.join(dir, 'folder');
  // (in a folder Ansible skips *.ini files: INVENTORY_IGNORE_EXTS)
  file('folder/10-rooms', '[rooms]', '127.0.0.[60:61]');
  file('folder/20-more.yml', 'rooms:', '  hosts:', '    127.0.0.62:', '      ansible_port: 2262');
  file('folder/group_vars/rooms.yml', 'ansible_user: room');
  const script = file(
    'dynamic.py',
    '#!/usr/bin/env python3',
    'import json, sys',
    'if "--host" in sys.argv: print("{}")',
    'else: print(json.dumps({"cloud": {"hosts": ["127.0.0.70", "127.0.0.71"], "vars": {"ansible_port": 2270}},',
    '    "_meta": {"hostvars": {"127.0.0.71": {"ansible_user": "dyn"}}}}))',
  );
  chmodSync(script, 0o755);
  const list = file('yaml/list.yml', 'all:', '  hosts: [gw-a, gw-b]');
  return { ini, yaml, folder, script, list, commas: '127.0.0.80,127.0.0.81:2281,' };
}

/** Our connection of each host, in the form an ssh command line gives it, sorted by address as Ansible's are. */
function ourCommands(hosts: Awaited<ReturnType<typeof readInventory>>['hosts']): SshCommand[] {
  return hosts
    .map(({ name, target, error }): SshCommand => {
      assert.ok(target, `${name}: ${error}`);
      return {
        host: target.host,
        ...(target.port === undefined ? {} : { port: target.port }),
        ...(target.user === undefined ? {} : { user: target.user }),
        ...(target.identity === undefined ? {} : { identity: target.identity }),
        options: target.options ?? [],
      };
    })
    .sort((a, b) => a.host.localeCompare(b.host));
}

async function compare(
  t: TestContext,
  env: Record<string, string>,
  source: string,
  pattern: string,
  search: string,
  reader: 'ansible' | 'built-in',
) {
  const runner = new Runner(new DryRunPlan(false), env);
  const ours = await readInventory(runner, source, pattern, search);
  const label = `${path.basename(source)} --limit ${pattern} (${reader})`;
  assert.equal(ours.reader, reader, label);
  assert.deepEqual(
    ours.hosts.map((h) => h.name),
    await ansibleHosts(source, pattern, env),
    `${label}: hosts`,
  );
  const groups = await ansibleGroups(source, env);
  for (const host of ours.hosts)
    assert.deepEqual(host.groups, groups.get(host.name), `${label}: groups of ${host.name}`);
  const theirs = await ansibleSshCommands(source, pattern, env);
  assert.equal(theirs.length, ours.hosts.length, `${label}: an address of its own for every host`);
  assert.deepEqual(ourCommands(ours.hosts), theirs, `${label}: connections`);
  t.diagnostic(`${label}: ${ours.hosts.length} host(s) as Ansible has them`);
}

test('every inventory form reaches the hosts, groups and connections Ansible does, for every pattern', {
  timeout: 600_000,
}, async (t) => {
  const box = await sandbox(t);
  const env = ansibleEnv(box.root);
  // The CLI reads with Ansible where it is installed; tests also run the built-in reader (no Ansible on PATH).
  Object.assign(process.env, { ANSIBLE_HOME: env.ANSIBLE_HOME, ANSIBLE_LOCAL_TEMP: env.ANSIBLE_LOCAL_TEMP });
  const withAnsible = process.env.PATH ?? '';
  const without = pathWithoutAnsible(box.root);
  const inv = writeInventories(box.root);
  const cases: Array<[string, string[], boolean]> = [
    [
      inv.ini,
      [
        'all',
        'hall',
        'hall:garage',
        'site:&garage',
        'site:!gw-*',
        'gw-?',
        '~127\\.0\\.0\\.2[12]',
        'hall[0]',
        'hall[1:2]',
        'hall[-1]',
        'gw-b,127.0.0.20',
        'ungrouped',
      ],
      true,
    ],
    [inv.yaml, ['all', 'warsaw', 'warsaw:!office', 'krakow,office'], true],
    [inv.commas, ['all'], true],
    [inv.folder, ['all', 'rooms[1:]'], false],
    [inv.script, ['all', 'cloud:&127.0.0.71'], false],
  ];
  for (const [source, patterns, builtIn] of cases)
    for (const pattern of patterns) {
      await compare(t, env, source, pattern, withAnsible, 'ansible');
      if (builtIn) await compare(t, env, source, pattern, without, 'built-in');
    }
});

test('what neither reader can take is exit 2 with the reason, the line where there is one, and a hint', {
  timeout: 180_000,
}, async (t) => {
  const box = await sandbox(t);
  const inv = writeInventories(box.root);
  const without = pathWithoutAnsible(box.root);
  const env = { ...ansibleEnv(box.root) };
  const site = async (args: string[], search = env.PATH!) =>
    box.cli(['status', '--timeout', '5', ...args], { root: false, env: { ...env, PATH: search } });
  const bad = (name: string, text: string) => {
    writeFileSync(path.join(box.root, name), text);
    return path.join(box.root, name);
  };
  // Ansible itself refuses a hosts list; so does the built-in reader (it never guesses "0" and "1")
  for (const search of [env.PATH!, without]) {
    const list = await site(['--inventory', inv.list], search);
    assert.equal(list.code, 2, list.stderr);
    assert.match(list.stderr, /Invalid "hosts" entry for "all" group, requires a dictionary/);
    assert.match(list.stderr, /\nhint: /);
  }
  const line = await site(['--inventory', bad('broken.ini', '[g]\nh1\n[g:vars]\nnot a pair\n')], without);
  assert.equal(line.code, 2);
  assert.match(line.stderr, /broken\.ini:4 cannot be read: Expected key=value/);
  for (const [args, why] of [
    [['--inventory', ''], /option "--inventory" needs a value/],
    [['--inventory', path.join(box.root, 'nope.ini')], /cannot read the inventory .*nope\.ini: no such file/],
    [['--inventory', bad('empty.ini', '# nothing yet\n')], /holds no host/],
    [['--inventory', inv.ini, '--limit', 'nowhere'], /--limit nowhere matches no host/],
  ] as const) {
    for (const search of [env.PATH!, without]) {
      const run = await site([...args], search);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, why);
      assert.match(run.stderr, /\nhint: /);
    }
  }
  // a folder or a script is Ansible's to read: without Ansible, refused with a way forward
  for (const source of [inv.folder, inv.script]) {
    const run = await site(['--inventory', source], without);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /hint: install Ansible/);
  }
  // binary garbage: its bytes never reach the terminal raw
  const garbage = bad('garbage', `\x1b[2J\x1b]0;owned\x07${'\x00\x01\xff'.repeat(20)}\n[g]\nh\x1b[31m\n`);
  for (const search of [env.PATH!, without])
    for (const json of [['--json'], []]) {
      const run = await site(['--inventory', garbage, ...json], search);
      const text = run.stdout + run.stderr;
      assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f]/, `no control bytes: ${JSON.stringify(text)}`);
      t.diagnostic(`garbage (${search === without ? 'built-in' : 'ansible'}): exit ${run.code}`);
    }
});

test('the site commands reach the hosts Ansible reaches: names, groups and targets in the JSON and the table', {
  timeout: 180_000,
}, async (t) => {
  const box = await sandbox(t);
  const inv = writeInventories(box.root);
  const env = ansibleEnv(box.root);
  const without = pathWithoutAnsible(box.root);
  const expected = await ansibleHosts(inv.ini, 'hall:garage', env);
  const commands = await ansibleSshCommands(inv.ini, 'hall:garage', env);
  for (const search of [env.PATH!, without]) {
    const args = ['status', '--inventory', inv.ini, '--limit', 'hall:garage', '--timeout', '20', '--concurrency', '8'];
    const run = await box.cli([...args, '--json'], { root: false, env: { ...env, PATH: search } });
    assert.equal(run.code, 1, 'no gateway answers: every one is unreachable');
    const rows = parseJson<{ targets: Array<{ name: string; groups: string[]; target: string; error?: string }> }>(
      run,
    ).targets;
    assert.deepEqual(
      rows.map((r) => r.name),
      expected,
    );
    for (const row of rows) {
      const at = /^ssh:\/\/(?:([^@]+)@)?([^:]+)(?::(\d+))?$/.exec(row.target);
      const ansible = commands.find((c) => c.host === at?.[2]);
      assert.ok(ansible, `${row.name}: ${row.target} is an address Ansible used`);
      assert.equal(at?.[1], ansible.user, `${row.name}: user`);
      assert.equal(at?.[3] === undefined ? undefined : Number(at[3]), ansible.port, `${row.name}: port`);
      assert.match(row.error ?? '', /refused the connection/);
      assert.ok(row.groups.includes('site'), `${row.name}: groups ${row.groups}`);
    }
    // a Polish technician's locale, installed on this machine or not: Ansible still reads the inventory
    const polish = await box.cli(args, { root: false, env: { ...env, PATH: search, LANG: 'pl_PL.UTF-8' } });
    assert.equal(polish.code, 1, polish.stderr);
    assert.match(polish.stdout, /^bramka +grupy +mqtt/);
    const table = await box.cli(args, { root: false, env: { ...env, PATH: search } });
    assert.match(table.stdout, /^gateway +groups +mqtt/);
    assert.match(
      table.stdout,
      /\ngw-attic +hall,site +UNREACHABLE +ssh:\/\/root@127\.0\.0\.24:2222 refused the connection/,
    );
  }
});
