import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { CLI, PROJECT, type Sandbox, sandbox } from '../helpers/sandbox.js';
import { type SshServer, startSshd } from '../helpers/sshd.js';
import { lines } from '../helpers/text.js';

interface PlayRun {
  code: number | null;
  stats: Record<string, { changed: number; failures: number; ok: number; unreachable: number }>;
  output: string;
}

/** ansible-playbook from Debian's ansible-core, with the project's collection, its JSON report parsed. */
function playbook(dir: string, inventory: string, play: string, extra: string[] = []): Promise<PlayRun> {
  const file = path.join(dir, `play-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, play);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    ANSIBLE_COLLECTIONS_PATH: path.join(PROJECT, 'ansible', 'collections'),
    ANSIBLE_HOST_KEY_CHECKING: 'False',
    ANSIBLE_LOCAL_TEMP: path.join(dir, 'ansible-local'),
    ANSIBLE_REMOTE_TEMP: path.join(dir, 'ansible-remote'),
    ANSIBLE_NOCOLOR: '1',
    // One ssh session per task: each session runs the login user's rc files, which in both CI lanes
    // (as on gateways) print noise and take 20 s.
    ANSIBLE_PIPELINING: 'True',
    ANSIBLE_TIMEOUT: '60',
  };
  return new Promise((resolve) => {
    const child = spawn('ansible-playbook', ['-i', inventory, file, ...extra], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      // ansible-core's own callback: the PLAY RECAP line of each host ("gw1 : ok=1 changed=1 …").
      const stats: PlayRun['stats'] = {};
      for (const match of stdout.matchAll(/^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/gm))
        stats[match[1]!] = {
          ok: Number(match[2]),
          changed: Number(match[3]),
          unreachable: Number(match[4]),
          failures: Number(match[5]),
        };
      resolve({ code, stats, output: stdout + stderr });
    });
  });
}

function siteInventory(dir: string, sshd: SshServer, boxes: Sandbox[]): string {
  const file = path.join(dir, 'inventory.ini');
  writeFileSync(
    file,
    lines(
      '[gateways]',
      ...boxes.map((box, i) => `gw${i + 1} gate_mqtt_root=${box.root} gate_mqtt_port=${box.port}`),
      '',
      '[gateways:vars]',
      'ansible_host=127.0.0.1',
      `ansible_port=${sshd.port}`,
      `ansible_user=${sshd.user}`,
      `ansible_ssh_common_args="-F ${sshd.clientConfig}"`,
      'ansible_python_interpreter=/usr/bin/python3',
    ),
  );
  return file;
}

const PROVISION = lines(
  '- hosts: gateways',
  '  gather_facts: false',
  '  tasks:',
  '    - gate_mqtt.gateway.provision:',
  `        bin: ${CLI}`,
  '        root: "{{ gate_mqtt_root }}"',
  '        port: "{{ gate_mqtt_port }}"',
);

function workDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-ansible-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('ansible: check mode changes nothing; first run changes every gateway, second none; a broken one fails alone', {
  timeout: 900_000,
}, async (t) => {
  const dir = workDir(t);
  const boxes = [await sandbox(t), await sandbox(t), await sandbox(t)];
  // The third gateway's port is held by another program: its provision fails, the others go on.
  const holder = createServer().listen(boxes[2]!.port, '0.0.0.0');
  t.after(() => holder.close());
  const sshd = await startSshd(t);
  const inventory = siteInventory(dir, sshd, boxes);

  const check = await playbook(dir, inventory, PROVISION, ['--check', '--limit', 'gw1,gw2']);
  assert.equal(check.code, 0, check.output);
  assert.deepEqual([check.stats.gw1?.changed, check.stats.gw2?.changed], [1, 1], check.output);
  for (const box of boxes) assert.equal(existsSync(box.paths.configFile), false, 'check mode wrote nothing');

  const first = await playbook(dir, inventory, PROVISION);
  assert.equal(first.code, 2, 'one host failed');
  assert.deepEqual([first.stats.gw1?.changed, first.stats.gw2?.changed], [1, 1], first.output);
  assert.equal(first.stats.gw3?.failures, 1, first.output);
  assert.match(first.output, /port \d+ is in use/);

  // The second run goes through the collection's role (no release file given: it provisions only).
  const ROLE = lines(
    '- hosts: gateways',
    '  gather_facts: false',
    '  vars:',
    `    gate_mqtt_bin: ${CLI}`,
    '  roles:',
    '    - gate_mqtt.gateway.gateway',
  );
  const second = await playbook(dir, inventory, ROLE, ['--limit', 'gw1,gw2']);
  assert.equal(second.code, 0, second.output);
  assert.deepEqual([second.stats.gw1?.changed, second.stats.gw2?.changed], [0, 0], second.output);
});

test('ansible: the bridge module adds and removes a bridge; the password never shows', {
  timeout: 900_000,
}, async (t) => {
  const dir = workDir(t);
  const box = await sandbox(t);
  const sshd = await startSshd(t);
  const inventory = siteInventory(dir, sshd, [box]);
  assert.equal((await playbook(dir, inventory, PROVISION)).code, 0);
  const before = readFileSync(box.paths.configFile, 'utf8');
  const bridge = (state: string) =>
    lines(
      '- hosts: gateways',
      '  gather_facts: false',
      '  tasks:',
      '    - gate_mqtt.gateway.bridge:',
      `        bin: ${CLI}`,
      '        root: "{{ gate_mqtt_root }}"',
      '        id: supla',
      `        state: ${state}`,
      `        address: 127.0.0.1:${box.port + 1}`,
      '        username: gateway-7',
      '        password: s3cret-from-the-vault',
      '        cafile: /etc/ssl/certs/ca-certificates.crt',
    );
  const added = await playbook(dir, inventory, bridge('present'), ['-v']);
  assert.equal(added.code, 0, added.output);
  assert.equal(added.stats.gw1?.changed, 1);
  assert.match(
    readFileSync(box.paths.configFile, 'utf8'),
    /connection bridge-dom-supla\n[\s\S]*remote_username gateway-7/,
  );
  assert.doesNotMatch(added.output, /s3cret-from-the-vault/);
  assert.equal((await playbook(dir, inventory, bridge('present'))).stats.gw1?.changed, 0, 'idempotent');
  const removed = await playbook(dir, inventory, bridge('absent'));
  assert.equal(removed.stats.gw1?.changed, 1, removed.output);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before, 'the file is as it was');
});
