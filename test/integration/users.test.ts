import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { inNamespace } from '../../scripts/netns.js';
import { authConfig } from '../../src/config/factory.js';
import { passwordLine } from '../../src/config/password-file.js';
import { IS_ROOT } from '../helpers/lane.js';
import { roundTrip } from '../helpers/mqtt.js';
import { testNamespace } from '../helpers/netns.js';
import { type DoctorResult, freePort, parseJson, type Result, type Sandbox, sandbox } from '../helpers/sandbox.js';

const SECRET = 'tablet-Pass 81';
const LAN = { link: 'lan0', addresses: ['192.168.77.2/24'] };

/** Everything the gateway wrote that a person or pm2 may read: the run logs and pm2's dump. */
function written(box: Sandbox): string {
  const logs = readdirSync(box.paths.logDir).map((name) => readFileSync(path.join(box.paths.logDir, name), 'utf8'));
  return [...logs, readFileSync(path.join(box.paths.pm2Home, 'dump.pm2'), 'utf8')].join('\n');
}

test('users and login: login on every address, topics per user, nothing secret written, idempotent', {
  timeout: 180_000,
}, async (t) => {
  const box = await sandbox(t);
  chmodSync(box.root, 0o755); // started as root, mosquitto reads its password and ACL files as its own user
  const port = box.port;
  assert.equal((await box.cli(['provision', '--port', String(port)])).code, 0);

  const add = await box.cli(['users', 'add', 'tablet1', '--password-stdin', '--json'], { input: `${SECRET}\n` });
  assert.equal(add.code, 0, add.stdout + add.stderr);
  const step = parseJson<Result>(add).steps.find((s) => s.id === 'users.files');
  assert.match(step?.detail ?? '', /user tablet1 added .*access set/, 'not used by the open profile yet');
  assert.equal(statSync(box.paths.passwordFile).mode & 0o777, 0o600);
  assert.equal(statSync(box.paths.aclFile).mode & 0o777, 0o600);
  assert.equal(statSync(box.paths.accessDir).mode & 0o777, 0o700);
  if (IS_ROOT) assert.notEqual(statSync(box.paths.passwordFile).uid, 0, "owned by the broker's user");
  assert.match(readFileSync(box.paths.passwordFile, 'utf8'), /^tablet1:\$7\$101\$/);
  const again = await box.cli(['users', 'add', 'tablet1', '--password-stdin', '--json'], { input: `${SECRET}\n` });
  assert.equal(parseJson<Result>(again).changed, false, 'the same user and password again: nothing to change');
  const other = await box.cli(['users', 'add', 'tablet1', '--password-stdin'], { input: 'other\n' });
  assert.equal(other.code, 2, 'another password for an existing user is a usage error (users passwd)');

  const login = await box.cli(['access', 'set', 'login', '--json']);
  assert.equal(login.code, 0, login.stdout + login.stderr);
  const restart = parseJson<Result>(login).steps.find((s) => s.id === 'broker.restart');
  assert.ok(restart?.restart?.includes('config-changed'), JSON.stringify(restart));
  const config = readFileSync(box.paths.configFile, 'utf8');
  assert.equal(
    config,
    [
      '# AIS Config file for mosquitto on gate',
      `listener ${port} 0.0.0.0`,
      'allow_anonymous false',
      `password_file ${box.paths.passwordFile}`,
      `acl_file ${box.paths.aclFile}`,
      '',
    ].join('\n'),
  );
  const same = parseJson<Result>(await box.cli(['access', 'set', 'login', '--json']));
  assert.equal(same.changed, false, 'a second run changes nothing');
  assert.equal(same.steps.find((s) => s.id === 'broker.restart')?.restart, undefined, 'and restarts nothing');

  const host = '127.0.0.1';
  assert.equal((await roundTrip({ host, port })).ok, false, 'anonymous clients are refused');
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: 'wrong' })).ok, false);
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: SECRET })).ok, true, 'the login works');
  // A listener added under login asks for the same login (the global access lines cover it).
  const wsPort = await freePort();
  assert.equal((await box.cli(['listener', 'add', 'websockets', '--port', String(wsPort)])).code, 0);
  const ws = { host, port: wsPort, protocol: 'ws' as const };
  assert.equal((await roundTrip(ws)).ok, false, 'anonymous refused over websockets too');
  assert.equal((await roundTrip({ ...ws, username: 'tablet1', password: SECRET })).ok, true, 'the login over ws');
  assert.equal((await box.cli(['listener', 'remove', String(wsPort)])).code, 0);

  // Topics: once allowed home/#, the user's round trip (on gate-mqtt-test/…) is refused by the ACL.
  const allow = await box.cli(['users', 'allow', 'tablet1', '--topic', 'home/#', '--readwrite', '--json']);
  assert.equal(allow.code, 0, allow.stdout);
  assert.deepEqual(parseJson<Result>(allow).steps.find((s) => s.id === 'broker.restart')?.restart, ['users-changed']);
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: SECRET })).ok, false, 'ACL refuses');
  const list = await box.cli(['users', 'list']);
  assert.match(list.stdout, /^tablet1 {2}readwrite home\/#$/m);
  const wider = await box.cli(['users', 'allow', 'tablet1', '--topic', 'gate-mqtt-test/#', '--readwrite']);
  assert.equal(wider.code, 0, wider.stdout);
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: SECRET })).ok, true, 'now allowed');
  const sameRule = parseJson<Result>(
    await box.cli(['users', 'allow', 'tablet1', '--topic', 'home/#', '--readwrite', '--json']),
  );
  assert.equal(sameRule.changed, false, 'the same rule again changes nothing');
  assert.equal(sameRule.steps.find((s) => s.id === 'broker.restart')?.restart, undefined, 'and restarts nothing');
  const deny = await box.cli(['users', 'deny', 'tablet1', '--topic', 'gate-mqtt-test/#']);
  assert.equal(deny.code, 0, deny.stdout);
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: SECRET })).ok, false, 'deny wins');

  // New password: the old one no longer logs in; the same password again changes nothing at all.
  const passwd = await box.cli(['users', 'passwd', 'tablet1', '--password-stdin'], { input: 'second-Pass 9\n' });
  assert.equal(passwd.code, 0, passwd.stdout);
  const bad = await box.cli(['users', 'allow', 'tablet1', '--topic', 'a b', '--read']);
  assert.equal(bad.code, 2, 'a topic mosquitto cannot read from one ACL line');
  const last = await box.cli(['users', 'remove', 'tablet1']);
  assert.equal(last.code, 2, 'the last user while the config asks for a login');
  assert.match(last.stderr, /last user.*\n.*access set open/);

  const everything = `${written(box)}\n${add.stdout}${login.stdout}${list.stdout}`;
  assert.ok(!everything.includes(SECRET) && !everything.includes('second-Pass'), 'no password written');

  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  const own = doctor.checks.find((c) => c.id === 'access.own-clients');
  assert.equal(own?.status, 'pass', own?.detail);
  assert.match(own?.detail ?? '', /no listener lets anonymous clients in/);

  // The ACL on the anonymous loopback listener too: the safe apply refuses it (its own round trip gets no
  // answer, so it is rolled back), and a hand edit of the same is what access.own-clients finds.
  const custom = path.join(box.root, 'custom.conf');
  const acl = box.paths.aclFile;
  writeFileSync(
    custom,
    `per_listener_settings true\nlistener ${port} 127.0.0.1\nallow_anonymous true\nacl_file ${acl}\n`,
  );
  const applied = await box.cli(['config', 'apply', custom, '--allow-local-only']);
  assert.equal(applied.code, 1, 'rolled back: the round trip did not come back');
  assert.match(applied.stderr, /previous config was put back/);
  writeFileSync(box.paths.configFile, readFileSync(custom));
  box.pm2(['restart', 'mqtt']);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const refusedOwn = parseJson<DoctorResult>(await box.cli(['doctor', '--json'])).checks.find(
    (c) => c.id === 'access.own-clients',
  );
  assert.equal(refusedOwn?.status, 'fail', refusedOwn?.detail);
  assert.match(refusedOwn?.detail ?? '', /gate-mqtt\/keeper\/# .*hung/);

  const open = await box.cli(['access', 'set', 'open']);
  assert.equal(open.code, 0, open.stdout);
  assert.equal(
    readFileSync(box.paths.configFile, 'utf8'),
    `# AIS Config file for mosquitto on gate\nlistener ${port} 0.0.0.0\nallow_anonymous true\n`,
  );
  assert.equal((await box.cli(['users', 'remove', 'tablet1'])).code, 0, 'no login asked: the last user may go');
  assert.equal((await box.cli(['users', 'list'])).stdout.trim(), 'no users');
  const removed = parseJson<Result>(await box.cli(['users', 'remove', 'tablet1', '--json']));
  assert.equal(removed.changed, false);
});

/** A real subscriber on the loopback listener inside the namespace: what it received within `ms`. */
function subscribe(ns: string, port: number, topic: string, ms: number): Promise<string> {
  const [file, argv] = inNamespace(ns, 'mosquitto_sub', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-t',
    topic,
    '-W',
    String(ms / 1000),
  ]);
  return new Promise((resolve) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
  });
}

function publish(ns: string, port: number, topic: string, login: string[], host = '192.168.77.2'): number | null {
  const [file, argv] = inNamespace(ns, 'mosquitto_pub', [
    '-h',
    host,
    '-p',
    String(port),
    '-t',
    topic,
    '-m',
    'm',
    '-q',
    '1',
    ...login,
  ]);
  return spawnSync(file, argv, { timeout: 10_000 }).status;
}

test('lan-login: a login on the LAN address, anonymous clients on 127.0.0.1 only; doctor agrees; ACL per user', {
  timeout: 180_000,
}, async (t) => {
  const ns = await testNamespace(t, [LAN]);
  if (!ns) return;
  const box = await sandbox(t);
  chmodSync(box.root, 0o755);
  const cli = (args: string[], input?: string) => box.cli(args, { netns: ns.name, ...(input ? { input } : {}) });
  const port = box.port;
  assert.equal((await cli(['provision', '--port', String(port)])).code, 0);
  const refused = await cli(['access', 'set', 'lan-login']);
  assert.equal(refused.code, 2, 'no user yet: every LAN client would be locked out');
  assert.match(refused.stderr, /users add/);
  assert.equal((await cli(['users', 'add', 'tablet1', '--password-stdin'], `${SECRET}\n`)).code, 0);
  const set = await cli(['access', 'set', 'lan-login']);
  assert.equal(set.code, 0, set.stdout + set.stderr);
  assert.match(readFileSync(box.paths.configFile, 'utf8'), /^listener \d+\nbind_interface lan0\nsocket_domain ipv4$/m);

  const login = ['-u', 'tablet1', '-P', SECRET];
  assert.equal(ns.client({ host: '192.168.77.2', port }).refused, true, 'anonymous refused on the LAN');
  assert.equal(ns.client({ host: '192.168.77.2', port, username: 'tablet1', password: SECRET }).connected, true);
  assert.equal(ns.client({ host: '127.0.0.1', port }).connected, true, "the gateway's own apps still get in");

  const show = parseJson<{ access: { profile: string; listeners: Array<{ listener: string; login: boolean }> } }>(
    await cli(['access', 'show', '--json']),
  );
  assert.equal(show.access.profile, 'lan-login');
  assert.deepEqual(show.access.listeners, [
    { listener: `127.0.0.1:${port}`, login: false },
    { listener: `lan0:${port}`, login: true },
  ]);
  // A listener added under lan-login faces the LAN: it gets the login lines of its own.
  const wsPort = await freePort();
  const ws = await cli(['listener', 'add', 'websockets', '--port', String(wsPort)]);
  assert.equal(ws.code, 0, ws.stdout + ws.stderr);
  assert.match(
    readFileSync(box.paths.configFile, 'utf8'),
    new RegExp(`^listener ${wsPort} 0\\.0\\.0\\.0\nprotocol websockets\nallow_anonymous false\npassword_file `, 'm'),
  );
  const withWs = parseJson<{ access: { profile: string; listeners: Array<{ listener: string; login: boolean }> } }>(
    await cli(['access', 'show', '--json']),
  );
  assert.equal(withWs.access.profile, 'lan-login', 'still the profile');
  assert.deepEqual(withWs.access.listeners.at(-1), { listener: `0.0.0.0:${wsPort}`, login: true });
  const doctor = parseJson<DoctorResult>(await cli(['doctor', '--json']));
  for (const id of ['config.security', 'network.exposure', 'access.own-clients'])
    assert.equal(doctor.checks.find((c) => c.id === id)?.status, 'pass', JSON.stringify(doctor.checks));

  // The ACL holds on the LAN listener: a topic outside the user's patterns never reaches a subscriber.
  assert.equal((await cli(['users', 'allow', 'tablet1', '--topic', 'home/#', '--write'])).code, 0);
  const outside = subscribe(ns.name, port, 'gmt/outside', 3000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(publish(ns.name, port, 'gmt/outside', login), 0);
  assert.equal(await outside, '', 'refused by the ACL');
  const inside = subscribe(ns.name, port, 'home/door', 3000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(publish(ns.name, port, 'home/door', login), 0);
  assert.equal((await inside).trim(), 'm', 'allowed by the ACL');
  // The keeper's and the doctor's anonymous round trips on 127.0.0.1 are under no ACL.
  const keeper = subscribe(ns.name, port, 'gate-mqtt/keeper/4242', 3000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(publish(ns.name, port, 'gate-mqtt/keeper/4242', [], '127.0.0.1'), 0);
  assert.equal((await keeper).trim(), 'm', "the keeper's topic, anonymous on 127.0.0.1");
  const after = parseJson<DoctorResult>(await cli(['doctor', '--json']));
  assert.equal(after.checks.find((c) => c.id === 'broker.roundtrip')?.status ?? 'pass', 'pass');
});

test("an older gate-mqtt's --auth password file: its users are carried over, nobody is locked out", {
  timeout: 120_000,
}, async (t) => {
  const box = await sandbox(t);
  chmodSync(box.root, 0o755);
  const port = box.port;
  assert.equal((await box.cli(['provision', '--port', String(port)])).code, 0);
  // What `provision --auth` wrote before `users` existed: the password file beside the config.
  const legacy = path.join(box.paths.etcMosquitto, 'gate-mqtt.passwd');
  writeFileSync(legacy, `${passwordLine('hass', 'old-Secret 1')}\n`, { mode: 0o600 });
  if (IS_ROOT) {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('mosquitto:'));
    const [, , uid, gid] = entry!.split(':');
    chownSync(legacy, Number(uid), Number(gid));
  }
  writeFileSync(box.paths.configFile, authConfig(port, legacy));
  box.pm2(['restart', 'mqtt']);
  const host = '127.0.0.1';
  const hass = { host, port, username: 'hass', password: 'old-Secret 1' };
  let up = false;
  for (let i = 0; i < 20 && !up; i++) up = (await roundTrip({ ...hass, timeoutMs: 1000 })).ok;
  assert.ok(up, 'the older layout serves its user');

  assert.match((await box.cli(['users', 'list'])).stdout, /^hass {2}every topic$/m, 'its users are listed');
  const last = await box.cli(['users', 'remove', 'hass']);
  assert.equal(last.code, 2, 'the last user of a config that asks for a login');
  assert.match(last.stderr, /last user/);
  assert.equal((await box.cli(['users', 'add', 'tablet1', '--password-stdin'], { input: `${SECRET}\n` })).code, 0);
  const set = await box.cli(['access', 'set', 'login']);
  assert.equal(set.code, 0, set.stdout + set.stderr);
  assert.match(
    readFileSync(box.paths.configFile, 'utf8'),
    new RegExp(`^password_file ${box.paths.passwordFile}$`, 'm'),
  );
  assert.equal((await roundTrip(hass)).ok, true, 'the older user still logs in');
  assert.equal((await roundTrip({ host, port, username: 'tablet1', password: SECRET })).ok, true);
  const reset = await box.cli(['reset', '--yes', '--port', String(port)]);
  assert.equal(reset.code, 0, reset.stdout + reset.stderr);
  assert.equal(existsSync(legacy), false, 'reset removes it too (it is in the reset backup)');
});
