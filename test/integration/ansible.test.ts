import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { CLI, PROJECT, type Sandbox, sandbox, sha256File } from '../helpers/sandbox.js';
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
  // Check mode with --diff: the lines gate-mqtt's dry run would add, the password redacted; nothing written.
  const checked = await playbook(dir, inventory, bridge('present'), ['--check', '--diff']);
  assert.equal(checked.code, 0, checked.output);
  assert.equal(checked.stats.gw1?.changed, 1, checked.output);
  assert.match(checked.output, /^\+connection bridge-dom-supla$/m);
  assert.match(checked.output, /^\+remote_username gateway-7$/m);
  assert.match(checked.output, /^\+remote_password \*{8}$/m);
  assert.doesNotMatch(checked.output, /s3cret-from-the-vault/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before, 'check mode wrote nothing');
  // For real with --diff: the config before and after (as config show gives it, redacted), verbosely.
  const added = await playbook(dir, inventory, bridge('present'), ['-v', '--diff']);
  assert.equal(added.code, 0, added.output);
  assert.equal(added.stats.gw1?.changed, 1);
  assert.match(
    readFileSync(box.paths.configFile, 'utf8'),
    /connection bridge-dom-supla\n[\s\S]*remote_username gateway-7/,
  );
  assert.match(added.output, /^\+remote_username gateway-7$/m);
  assert.match(added.output, /^\+remote_password \*{8}$/m);
  assert.doesNotMatch(added.output, /s3cret-from-the-vault/);
  assert.equal((await playbook(dir, inventory, bridge('present'))).stats.gw1?.changed, 0, 'idempotent');
  const removed = await playbook(dir, inventory, bridge('absent'));
  assert.equal(removed.stats.gw1?.changed, 1, removed.output);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before, 'the file is as it was');

  // The config module: a file with a bridge and its password, in check mode and then for real. The module has
  // no option to hide it: the diff shows what changes, the password redacted by gate-mqtt, never in clear.
  const src = path.join(dir, 'mosquitto.conf.new');
  writeFileSync(
    src,
    before +
      lines(
        'max_keepalive 120',
        'connection bridge-b2',
        `address 127.0.0.1:${box.port + 2}`,
        'topic a/# in',
        'remote_username gateway-8',
        'remote_password s3cret-in-a-file',
      ),
  );
  const config = lines(
    '- hosts: gateways',
    '  gather_facts: false',
    '  tasks:',
    '    - gate_mqtt.gateway.config:',
    `        bin: ${CLI}`,
    '        root: "{{ gate_mqtt_root }}"',
    `        src: ${src}`,
  );
  const configChecked = await playbook(dir, inventory, config, ['--check', '--diff']);
  assert.equal(configChecked.code, 0, configChecked.output);
  assert.equal(configChecked.stats.gw1?.changed, 1, configChecked.output);
  assert.match(configChecked.output, /^\+max_keepalive 120$/m);
  assert.match(configChecked.output, /^\+remote_password \*{8}$/m);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before, 'check mode wrote nothing');
  const applied = await playbook(dir, inventory, config, ['--diff']);
  assert.equal(applied.code, 0, applied.output);
  assert.equal(applied.stats.gw1?.changed, 1, applied.output);
  assert.match(applied.output, /^\+max_keepalive 120$/m);
  assert.match(applied.output, /^\+remote_password \*{8}$/m);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), readFileSync(src, 'utf8'));
  for (const run of [configChecked, applied]) assert.doesNotMatch(run.output, /s3cret-in-a-file/);
  assert.equal((await playbook(dir, inventory, config, ['--diff'])).stats.gw1?.changed, 0, 'idempotent');
});

test('ansible: every module fails with a clear message when gate-mqtt is not on the gateway', {
  timeout: 300_000,
}, async (t) => {
  // The gateway is this machine (a local connection): what is tested is the modules' own check.
  const dir = workDir(t);
  const inventory = path.join(dir, 'local.ini');
  writeFileSync(inventory, lines('gw ansible_connection=local ansible_python_interpreter=/usr/bin/python3'));
  const tasks: [string, string[]][] = [
    ['provision', []],
    ['doctor', []],
    ['bridge', ['id: supla', 'address: 127.0.0.1:1', 'username: u', 'password: p']],
    ['config', [`src: ${path.join(dir, 'local.ini')}`]],
    ['reset', []],
    ['upgrade', []],
  ];
  const play = lines(
    '- hosts: gw',
    '  gather_facts: false',
    '  tasks:',
    ...tasks.flatMap(([module, args]) =>
      ['gate-mqtt-is-not-here', path.join(dir, 'no-such', 'gate-mqtt')].flatMap((bin) => [
        `    - gate_mqtt.gateway.${module}:`,
        `        bin: ${bin}`,
        ...args.map((arg) => `        ${arg}`),
        '      ignore_errors: true',
      ]),
    ),
  );
  const run = await playbook(dir, inventory, play);
  assert.equal(run.code, 0, run.output);
  const failures = run.output.match(/gate-mqtt is not installed on this gateway: [^"]+\(hint: install it with/g);
  assert.equal(failures?.length, tasks.length * 2, run.output);
  assert.match(run.output, /gate-mqtt-is-not-here was not found on PATH/);
  assert.match(run.output, /no-such\/gate-mqtt does not exist/);
  assert.doesNotMatch(run.output, /Errno 2|Traceback/);
});

/** Every file below a folder (none when it is not there). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('ansible: the role installs gate-mqtt from its release file; check mode writes nothing; then changed=0', {
  timeout: 900_000,
}, async (t) => {
  const dir = workDir(t);
  // The release file, as `npm run release` makes it (from the dist/ the tier built).
  const packed = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/release.js'), dir, '--no-build'], {
    encoding: 'utf8',
    cwd: PROJECT,
  });
  assert.equal(packed.status, 0, packed.stderr);
  const release = packed.stdout.split('\n')[0]!;
  assert.match(path.basename(release), /^gate-mqtt-\d+\.\d+\.\d+.*\.tgz$/);
  const version = path.basename(release).slice('gate-mqtt-'.length, -'.tgz'.length);
  const box = await sandbox(t);
  const sshd = await startSshd(t);
  const inventory = siteInventory(dir, sshd, [box]);
  // The gateway as a Termux login has it: its HOME (the release file goes to ~/.cache/gate-mqtt, the role's
  // default) and a temp folder the test watches. npm installs into the sandbox's prefix (on Termux npm's own),
  // with a cache of its own and a registry nobody answers on: everything must come from the file.
  const gatewayTmp = path.join(dir, 'gateway-tmp');
  mkdirSync(gatewayTmp);
  const ROLE = lines(
    '- hosts: gateways',
    '  gather_facts: false',
    '  environment:',
    `    HOME: ${box.paths.home}`,
    `    TMPDIR: ${gatewayTmp}`,
    `    npm_config_cache: ${path.join(dir, 'npm-cache')}`,
    '    npm_config_registry: http://127.0.0.1:9/',
    '  vars:',
    `    gate_mqtt_release: ${release}`,
    `    gate_mqtt_npm_prefix: ${box.paths.prefix}`,
    '  roles:',
    '    - gate_mqtt.gateway.gateway',
  );
  const installed = path.join(box.paths.prefix, 'lib', 'node_modules', 'gate-mqtt', 'package.json');
  const kept = path.join(box.paths.home, '.cache', 'gate-mqtt', `gate-mqtt-${version}-${sha256File(release)}.tgz`);

  const check = await playbook(dir, inventory, ROLE, ['--check']);
  assert.equal(check.code, 0, check.output);
  assert.ok((check.stats.gw1?.changed ?? 0) > 0, `check mode says what would change\n${check.output}`);
  assert.match(check.output, new RegExp(`gate-mqtt ${version} would be installed first`));
  for (const file of [
    installed,
    box.paths.configFile,
    path.join(box.paths.home, '.cache'),
    path.join(dir, 'npm-cache'),
  ])
    assert.equal(existsSync(file), false, `check mode wrote nothing: ${file}`);

  const first = await playbook(dir, inventory, ROLE);
  assert.equal(first.code, 0, first.output);
  assert.ok((first.stats.gw1?.changed ?? 0) > 0, first.output);
  assert.equal(JSON.parse(readFileSync(installed, 'utf8')).version, version, 'installed from the file');
  assert.ok(existsSync(kept), `the release file is kept where the next run finds it: ${kept}`);
  assert.equal(box.mqtt()?.status, 'online', 'provisioned by the installed gate-mqtt');

  const second = await playbook(dir, inventory, ROLE);
  assert.equal(second.code, 0, second.output);
  assert.equal(second.stats.gw1?.changed, 0, second.output);
  // Nothing left in the gateway's temp folders (TMPDIR, Ansible's remote temp); the file only where it is kept.
  assert.deepEqual(filesBelow(gatewayTmp), []);
  assert.deepEqual(filesBelow(path.join(dir, 'ansible-remote')), []);
  assert.deepEqual(filesBelow(path.join(box.paths.home, '.cache', 'gate-mqtt')), [kept]);
});
