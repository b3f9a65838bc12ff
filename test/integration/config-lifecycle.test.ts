import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { factoryConfig } from '../../src/config/factory.js';
import { roundTrip } from '../helpers/mqtt.js';
import { parseJson, provisioned, type Result, type Sandbox, sha256File } from '../helpers/sandbox.js';
import { lines, suplaSection } from '../helpers/text.js';

const PASSWORD = 'Sup3r-Secret pass';

async function answers(box: Sandbox, port = box.port): Promise<boolean> {
  return (await roundTrip({ host: '127.0.0.1', port })).ok;
}

function candidate(box: Sandbox, name: string, text: string): string {
  const file = path.join(box.root, name);
  writeFileSync(file, text);
  return file;
}

function addBridge(box: Sandbox, extra: string[] = [], password = PASSWORD) {
  return box.cli(
    [
      'bridge',
      'add',
      'supla',
      '--id',
      'gate1',
      '--address',
      '127.0.0.1:1',
      '--username',
      'bob',
      '--password-stdin',
      '--json',
      ...extra,
    ],
    { input: `${password}\n` },
  );
}

test('configs mosquitto rejects are refused with file:line, the file unchanged and the broker answering', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  const cases: Array<[string, RegExp]> = [
    [
      `listener ${box.port} 0.0.0.0\nallow_anonymous true\nno_such_option 1\n`,
      /bad\.conf:3: unknown option "no_such_option"/,
    ],
    [`listener 70000 0.0.0.0\nallow_anonymous true\n`, /bad\.conf:1: listener port must be 0-65535/],
    [
      `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 70000\n`,
      /bad\.conf:3: max_keepalive must be 10-65535 in mosquitto 2\.0\.11, not 70000/,
    ],
    [
      lines(`listener ${box.port} 0.0.0.0`, 'allow_anonymous false', 'password_file /nonexistent/passwd'),
      /bad\.conf:3: password_file \/nonexistent\/passwd: no such file/,
    ],
  ];
  for (const [text, message] of cases) {
    const run = await box.cli(['config', 'apply', candidate(box, 'bad.conf', text), '--json']);
    const result = parseJson<Result>(run);
    assert.equal(run.code, 2, run.stdout);
    assert.match(result.error?.message ?? '', message);
    assert.equal(sha256File(box.paths.configFile), before);
  }
  assert.equal(await answers(box), true);
});

test('a config that passes the checks but does not come up is rolled back', { timeout: 90_000 }, async (t) => {
  const box = await provisioned(t);
  const before = readFileSync(box.paths.configFile, 'utf8');
  // The trial start leaves persistence out, so a database mosquitto cannot read fails only for real.
  const data = path.join(box.root, 'pdata');
  mkdirSync(data, { mode: 0o755 });
  writeFileSync(path.join(data, 'mosquitto.db'), 'not a mosquitto database\n', { mode: 0o644 });
  chmodSync(box.root, 0o755); // started as root, mosquitto reads it as its own user
  const text = lines(
    `listener ${box.port} 0.0.0.0`,
    'allow_anonymous true',
    'persistence true',
    `persistence_location ${data}/`,
  );
  const file = candidate(box, 'unrestorable.conf', text);
  const run = await box.cli(['config', 'apply', file, '--json']);
  const result = parseJson<Result>(run);
  assert.equal(run.code, 1, run.stdout);
  assert.match(result.error?.message ?? '', /previous config was put back and the broker answers/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before);
  assert.equal(await answers(box), true);
  const backups = parseJson<{ backups: Array<{ reason: string }> }>(await box.cli(['config', 'backups', '--json']));
  assert.ok(
    backups.backups.some((b) => b.reason === 'apply-rejected'),
    'the rejected candidate is kept',
  );
});

test('apply writes, restarts and verifies; applying the same file again changes nothing', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const text = `# edited\nlistener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 300\n`;
  const file = candidate(box, 'good.conf', text);
  const first = parseJson<Result>(await box.cli(['config', 'apply', file, '--json']));
  assert.equal(first.ok, true, JSON.stringify(first));
  assert.equal(first.changed, true);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), text);
  const pid = box.mqtt()?.pid;
  const second = parseJson<Result>(await box.cli(['config', 'apply', file, '--json']));
  assert.equal(second.changed, false);
  assert.equal(second.steps.find((s) => s.id === 'broker.restart')?.status, 'skipped');
  assert.equal(box.mqtt()?.pid, pid, 'not restarted');
  const restored = parseJson<Result>(await box.cli(['config', 'restore', '--json']));
  assert.equal(restored.ok, true, JSON.stringify(restored));
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), factoryConfig(box.port));
  assert.equal(await answers(box), true);
});

test('--dry-run of apply changes nothing', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  const pid = box.mqtt()?.pid;
  const run = await box.cli([
    'config',
    'apply',
    candidate(box, 'c.conf', `listener ${box.port} 0.0.0.0\nallow_anonymous true\nmax_keepalive 90\n`),
    '--dry-run',
    '--json',
  ]);
  const result = parseJson<Result & { planned: string[] }>(run);
  assert.equal(run.code, 0, run.stdout);
  assert.equal(sha256File(box.paths.configFile), before);
  assert.equal(box.mqtt()?.pid, pid);
  assert.ok(result.planned.some((l) => l.includes('mosquitto.conf')));
});

test('bridge add writes the SUPLA section at 0600, is idempotent, and remove restores the file byte for byte', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const original = readFileSync(box.paths.configFile, 'utf8');
  const added = await addBridge(box);
  assert.equal(added.code, 0, added.stdout);
  const text = readFileSync(box.paths.configFile, 'utf8');
  const ca = box.paths.tlsCaFile;
  const section = suplaSection({
    id: 'gate1',
    address: '127.0.0.1:1',
    username: 'bob',
    password: PASSWORD,
    cafile: ca,
  });
  assert.equal(text, `${original}\n${section}`);
  assert.equal(statSync(box.paths.configFile).mode & 0o777, 0o600);
  assert.equal(await answers(box), true);

  const again = parseJson<Result>(await addBridge(box));
  assert.equal(again.changed, false);

  const list = parseJson<{ bridges: Array<{ name: string }> }>(await box.cli(['bridge', 'list', '--json']));
  assert.deepEqual(
    list.bridges.map((b) => b.name),
    ['bridge-dom-gate1'],
  );

  const removed = await box.cli(['bridge', 'remove', 'gate1', '--json']);
  assert.equal(removed.code, 0, removed.stdout);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), original);
  assert.equal(await answers(box), true);
});

test('injection attempts in every bridge field are refused with exit 2 and the file hash unchanged', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  const base = { id: 'gate1', address: '127.0.0.1:1883', username: 'bob', cafile: box.paths.tlsCaFile, password: 'ok' };
  const attempts: Array<Partial<typeof base>> = [
    { id: 'x\nlistener 1 0.0.0.0' },
    { id: 'bad id' },
    { address: '127.0.0.1:1883\nallow_anonymous true' },
    { address: 'host:0' },
    { address: 'host' },
    { address: 'a b:1' },
    { username: 'bob\nlistener 9999' },
    { username: '#bob' },
    { username: 'bob\u001b[31m' },
    { password: 'pw\u0000x' },
    { cafile: '/ca\nconnection evil' },
    { cafile: 'relative.pem' },
    { password: 'pw\nlistener 9999 0.0.0.0' },
    { password: 'pw\rinjected' },
    { password: '' },
    { password: ' spaced' },
  ];
  for (const attempt of attempts) {
    const v = { ...base, ...attempt };
    const run = await box.cli(
      [
        'bridge',
        'add',
        'supla',
        '--id',
        v.id,
        '--address',
        v.address,
        '--username',
        v.username,
        '--cafile',
        v.cafile,
        '--password-stdin',
        '--json',
      ],
      { input: v.password },
    );
    assert.equal(run.code, 2, `${JSON.stringify(attempt)}: ${run.stdout}`);
    assert.equal(sha256File(box.paths.configFile), before, JSON.stringify(attempt));
    if (attempt.password) assert.ok(!run.stdout.includes(attempt.password) && !run.stderr.includes(attempt.password));
  }
  const argv = await box.cli([
    'bridge',
    'add',
    'supla',
    '--id',
    'a',
    '--address',
    'h:1',
    '--username',
    'u',
    '--password',
    'on-argv',
  ]);
  assert.equal(argv.code, 2);
  assert.match(argv.stderr, /never taken on the command line/);
});

test('the password never shows in config show, JSON, logs or backups listing; backups are 0600', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const added = await addBridge(box);
  assert.equal(added.code, 0);
  const outputs = [
    added.stdout + added.stderr,
    (await box.cli(['config', 'show'])).stdout,
    (await box.cli(['config', 'show', '--json'])).stdout,
    (await box.cli(['bridge', 'list', '--json'])).stdout,
    (await box.cli(['config', 'backups', '--json'])).stdout,
    (await addBridge(box, ['--verbose'])).stderr,
    ...readdirSync(box.paths.logDir)
      .filter((f) => f.endsWith('.log') && f !== 'mqtt.log')
      .map((f) => readFileSync(path.join(box.paths.logDir, f), 'utf8')),
  ];
  for (const out of outputs) assert.ok(!out.includes(PASSWORD), `leaked in: ${out.slice(0, 200)}`);
  assert.match(outputs[1]!, /remote_password \*{8}/);
  // A second add with another password backs up the first file: the backup is 0600 in a 0700 folder.
  assert.equal((await addBridge(box, [], 'another-pass')).code, 0);
  assert.equal(statSync(box.paths.backupDir).mode & 0o777, 0o700);
  for (const id of readdirSync(box.paths.backupDir)) {
    for (const file of readdirSync(path.join(box.paths.backupDir, id), { recursive: true, encoding: 'utf8' })) {
      const full = path.join(box.paths.backupDir, id, file);
      if (statSync(full).isFile()) assert.equal(statSync(full).mode & 0o777, 0o600, full);
    }
  }
  assert.ok(existsSync(box.paths.configFile));
});
