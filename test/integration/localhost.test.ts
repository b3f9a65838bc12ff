import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { englishLines, englishWords, untranslatedKeys } from '../helpers/polish.js';
import { CLI, type CliResult, cleanEnv, type DoctorResult, parseJson, provisioned } from '../helpers/sandbox.js';

// What clients of `localhost` get is getaddrinfo's first answer. Each doctor here runs in a mount
// namespace of its own with its own /etc/hosts bound over the machine's (unshare -m, root only), so the
// order is the test's to choose and the machine's file is never touched.

/** Whether this user may make a mount namespace (the device lane's unprivileged user may not). */
const mountNamespaces = () => spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0;

/** The CLI with `hosts` as its /etc/hosts (the doctor's shell, a child, sees the same file). */
function withHosts(hosts: string, args: string[]): Promise<CliResult> {
  const bind = 'mount --bind "$1" /etc/hosts || exit 97; shift; exec "$@"';
  const argv = ['--mount', '--propagation', 'private', '--', 'sh', '-c', bind, 'sh', hosts, process.execPath, CLI];
  return new Promise((resolve) => {
    const child = spawn('unshare', [...argv, ...args], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, stdout, stderr: signal ? `${stderr}[${signal}]` : stderr }));
  });
}

/** A real client that tries exactly one address (mosquitto_pub to an address, not a name). */
const publishes = (host: string, port: number) =>
  spawnSync('mosquitto_pub', ['-h', host, '-p', String(port), '-t', 'gmt/localhost', '-m', 'x'], {
    encoding: 'utf8',
    timeout: 15_000,
  });

test('localhost: ::1 first and the factory listener warns naming ::1; 127.0.0.1 first passes; Polish too', {
  timeout: 120_000,
}, async (t) => {
  if (!mountNamespaces()) {
    t.skip('needs root: unshare --mount, to bind a hosts file of its own over /etc/hosts');
    return;
  }
  const box = await provisioned(t);
  const hostsFile = (name: string, text: string) => {
    const file = path.join(box.root, name);
    writeFileSync(file, text);
    return file;
  };
  // both lines, as most systems have them: getaddrinfo puts ::1 first whatever their order (RFC 6724)
  const v6First = hostsFile('hosts-v6', '::1 localhost\n127.0.0.1 localhost\n');
  const v4Only = hostsFile('hosts-v4', '127.0.0.1 localhost\n');
  const doctor = async (hosts: string, args: string[]) => {
    const run = await withHosts(hosts, ['doctor', ...args, '--root', box.root]);
    assert.notEqual(run.code, 97, `cannot bind the hosts file: ${run.stderr}`);
    return run;
  };
  const outcome = (run: CliResult) => {
    const check = parseJson<DoctorResult>(run).checks.find((c) => c.id === 'broker.localhost');
    assert.ok(check, run.stdout);
    return check;
  };

  const warned = outcome(await doctor(v6First, ['--json']));
  assert.equal(warned.status, 'warn', warned.detail);
  // resolved by the doctor itself (the local target), as getaddrinfo orders it
  assert.match(warned.detail, /^localhost resolves to ::1 first \(getaddrinfo\)/);
  assert.match(warned.detail, new RegExp(`0\\.0\\.0\\.0:${box.port}`));
  assert.match(warned.hint ?? '', new RegExp(`listener ${box.port} ::1`));
  assert.match(warned.hint ?? '', /let clients use 127\.0\.0\.1/);
  // the finding is true: a client that tries only ::1 is refused, 127.0.0.1 is served
  assert.notEqual(publishes('::1', box.port).status, 0, 'the broker answers on ::1');
  assert.equal(publishes('127.0.0.1', box.port).status, 0, publishes('127.0.0.1', box.port).stderr);

  const passed = outcome(await doctor(v4Only, ['--json']));
  assert.equal(passed.status, 'pass', passed.detail);
  assert.match(
    passed.detail,
    new RegExp(`127\\.0\\.0\\.1 first \\(getaddrinfo\\): covered by 0\\.0\\.0\\.0:${box.port}`),
  );

  const polish = await doctor(v6First, ['--lang', 'pl']);
  const text = `${polish.stdout}${polish.stderr}`;
  const row = text.split('\n').findIndex((line) => /^\s+UWAGA\s+broker\.localhost\s/.test(line));
  assert.ok(row >= 0, `no warning row for broker.localhost:\n${text}`);
  assert.match(text, /localhost wskazuje najpierw na ::1/);
  assert.deepEqual(englishWords(text), [], `English words:\n${englishLines(text).join('\n')}\n\n${text}`);
  assert.deepEqual(untranslatedKeys(text), [], text);
});
