import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cleanEnv, freePort, PROJECT, runCli } from '../helpers/sandbox.js';
import { startSshd } from '../helpers/sshd.js';

/**
 * A technician's remote doctor that cannot reach a shell: each failure is one line in the client's terms
 * with a hint, exit 1 (a check could not run), found when the client exits, never our framing text.
 */
async function remoteDoctor(target: string, extra: string[] = [], env = cleanEnv()) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmt-remote-'));
  try {
    const run = await runCli(['doctor', '--root', root, '--target', target, ...extra], { env });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^(error|błąd): [^\n]+\n(hint|wskazówka): [^\n]+\n$/);
    assert.doesNotMatch(run.stderr, /GMB|GME|printf|stty|execvp/);
    return run.stderr;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('ssh: nothing listens, wrong user, changed host key, no ssh client', { timeout: 90_000 }, async (t) => {
  const closed = await remoteDoctor(`ssh://someone@127.0.0.1:${await freePort()}`);
  assert.match(closed, /refused the connection\nhint: start the ssh server on the gateway \(Termux: sshd/);

  const sshd = await startSshd(t);
  const wrongUser = await remoteDoctor(`ssh://nobody-here@127.0.0.1:${sshd.port}`, ['--ssh-config', sshd.clientConfig]);
  assert.match(wrongUser, /refused the login of nobody-here\nhint: put your public key/);

  // The gateway was reinstalled: the laptop's known_hosts holds another key for it.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-hostkey-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'old_key')], { stdio: 'ignore' });
  const oldKey = readFileSync(path.join(dir, 'old_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  writeFileSync(path.join(dir, 'known_hosts'), `[127.0.0.1]:${sshd.port} ${oldKey}\n`);
  // ssh takes the first value it reads: this file's known_hosts, then the test server's key and user.
  writeFileSync(
    path.join(dir, 'ssh_config'),
    `Host 127.0.0.1\n  UserKnownHostsFile ${path.join(dir, 'known_hosts')}\nInclude ${sshd.clientConfig}\n`,
  );
  const changed = await remoteDoctor(`ssh://${sshd.user}@127.0.0.1:${sshd.port}`, [
    '--ssh-config',
    path.join(dir, 'ssh_config'),
  ]);
  assert.match(changed, /host key of ssh:\/\/.* is not the one this laptop knows\nhint: .*ssh-keygen -R/);

  const noSsh = await remoteDoctor(`ssh://someone@127.0.0.1:${sshd.port}`, [], cleanEnv({ PATH: dir }));
  assert.match(noSsh, /^error: ssh not found \(ssh\)\nhint: install the ssh client/);
});

test('adb: no adb program, no such device (a recorded stand-in for adb)', async () => {
  const missing = await remoteDoctor('adb', [], cleanEnv({ ADB: '/no/such/adb' }));
  assert.match(missing, /^error: adb not found \(\/no\/such\/adb\)\nhint: install Android platform-tools/);
  const fake = path.join(PROJECT, 'test', 'fixtures', 'fake-adb');
  const unknown = await remoteDoctor('adb://no-such-serial', [], cleanEnv({ ADB: fake }));
  assert.match(unknown, /^error: no device answers over adb\nhint: connect the gateway/);
});

test("Polish: the same failure in the technician's language", async () => {
  const polish = await remoteDoctor(`ssh://someone@127.0.0.1:${await freePort()}`, ['--lang', 'pl']);
  assert.match(polish, /^błąd: ssh:\/\/.* odrzucił połączenie\nwskazówka: uruchom serwer ssh na bramce/);
});
