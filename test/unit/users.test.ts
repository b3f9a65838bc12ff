import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeOwnClients, ownClientTarget } from '../../src/checks/access-own-clients.js';
import { readProfile, sectionAccess, withProfile } from '../../src/config/access-profile.js';
import { checkTopic, parseAcl, renderAcl, withRule, withUsers } from '../../src/config/acl-file.js';
import { factoryConfig } from '../../src/config/factory.js';
import { listenerSectionLines, upsertListener } from '../../src/config/listener-section.js';
import { analyzeText } from '../../src/config/load.js';
import { holdsPassword, passwordUsers, withoutUser, withUser } from '../../src/config/password-file.js';

const FILES = { passwordFile: '/p/passwd', aclFile: '/p/acl' };

test('the ACL: hand-written lines kept above our block; a user without allows may use every topic', () => {
  const hand = '# mine\ntopic read public/#\n';
  let acl = withUsers(parseAcl(hand), ['b', 'a']);
  const first = renderAcl(acl);
  assert.match(first, /^# mine\ntopic read public\/#\n\n# BEGIN gate-mqtt users/);
  assert.match(first, /^user a\n# every topic until gate-mqtt users allow names some\ntopic readwrite #$/m);
  assert.equal(renderAcl(parseAcl(first)), first, 'read back, written the same');
  acl = withRule(parseAcl(first), 'a', { access: 'read', topic: 'home/#' });
  acl = withRule(acl, 'a', { access: 'deny', topic: 'home/alarm' });
  acl = withRule(acl, 'a', { access: 'readwrite', topic: 'home/#' }); // replaces the read
  const text = renderAcl(acl);
  assert.match(text, /^user a\ntopic readwrite home\/#\ntopic deny home\/alarm\nuser b\n/m, 'replaced in place');
  const twice = withRule(withRule(acl, 'a', { access: 'read', topic: 'x' }), 'a', {
    access: 'readwrite',
    topic: 'home/#',
  });
  assert.equal(renderAcl(withRule(twice, 'a', { access: 'read', topic: 'x' })), renderAcl(twice), 'the same again');
  assert.doesNotMatch(text.split('user b')[0]!, /topic readwrite #$/m, 'a has allows: no longer every topic');
  assert.deepEqual([...withUsers(parseAcl(text), ['b']).users.keys()], ['b'], 'a removed user loses its section');
});

test('topic filters mosquitto can read from one ACL line', () => {
  for (const ok of ['a', 'home/+/temp', 'home/#', '#', '+', '$SYS/#']) assert.equal(checkTopic(ok), ok);
  for (const bad of ['', 'a b', 'a/#/b', 'a#', 'a+/b', 'x\nuser root', 'a\tb'])
    assert.throws(() => checkTopic(bad), { exitCode: 2 }, JSON.stringify(bad));
});

test('password lines: added, replaced in place, removed; each checks against its password', () => {
  let text = withUser(undefined, 'a', 'pa');
  text = withUser(text, 'b', 'pb');
  text = withUser(text, 'a', 'new');
  assert.deepEqual(passwordUsers(text), ['a', 'b']);
  assert.ok(holdsPassword(text, 'a', 'new') && !holdsPassword(text, 'a', 'pa'));
  assert.deepEqual(passwordUsers(withoutUser(text, 'a')), ['b']);
  assert.equal(withoutUser(withoutUser(text, 'a'), 'b'), '');
});

test('access profiles: each config as the README shows it, the rest kept, read back as itself', () => {
  const port = 1883;
  const rest = 'persistence true\n\nconnection bridge-x\naddress 127.0.0.1:1\ntopic # both 0\n';
  const base = `${factoryConfig(port)}${rest}`;
  const lan = withProfile(base, 'm.conf', 'lan-login', FILES, ['eth0', 'wlan0']);
  assert.equal(
    lan,
    [
      '# AIS Config file for mosquitto on gate',
      'per_listener_settings true',
      'listener 1883 127.0.0.1',
      'allow_anonymous true',
      ...['eth0', 'wlan0'].flatMap((name) => [
        'listener 1883',
        `bind_interface ${name}`,
        'socket_domain ipv4',
        'allow_anonymous false',
        'password_file /p/passwd',
        'acl_file /p/acl',
      ]),
      `${rest}`,
    ].join('\n'),
  );
  assert.equal(readProfile(analyzeText(lan, 'm.conf'), FILES), 'lan-login');
  const login = withProfile(lan, 'm.conf', 'login', FILES, []);
  assert.equal(readProfile(analyzeText(login, 'm.conf'), FILES), 'login');
  assert.equal(withProfile(login, 'm.conf', 'open', FILES, []), base, 'back to the factory lines, the rest kept');
  assert.equal(readProfile(analyzeText(base, 'm.conf'), FILES), 'open');
  assert.equal(withProfile(lan, 'm.conf', 'lan-login', FILES, ['eth0', 'wlan0']), lan, 'idempotent');
  const tls = `${factoryConfig(port)}listener 8883 0.0.0.0\ncertfile /c.pem\n`;
  assert.throws(() => withProfile(tls, 'm.conf', 'login', FILES, []), { exitCode: 2 });
  assert.equal(readProfile(analyzeText('listener 1883 10.0.0.2\nallow_anonymous false\n', 'm'), FILES), 'custom');
});

test('access profiles keep the listeners `listener add` wrote: login lines on each under lan-login only', () => {
  const tls = { kind: 'tls' as const, port: 8883, certfile: '/c/s.pem', keyfile: '/c/s.pem' };
  const ws = { kind: 'websockets' as const, port: 9001 };
  const open = upsertListener(upsertListener(factoryConfig(1883), tls, 'm')!, ws, 'm')!;
  assert.deepEqual(sectionAccess(open, 'm', FILES), [], 'the global lines cover it');
  const lan = withProfile(open, 'm', 'lan-login', FILES, ['wlan0']);
  const login = ['allow_anonymous false', 'password_file /p/passwd', 'acl_file /p/acl'];
  const [tlsLines, wsLines] = [tls, ws].map((spec) => listenerSectionLines(spec, login).join('\n'));
  const sections = `\n${tlsLines}\n\n${wsLines}\n`;
  assert.ok(lan.endsWith(`acl_file /p/acl\n${sections}`), lan);
  assert.equal(readProfile(analyzeText(lan, 'm'), FILES), 'lan-login');
  assert.deepEqual(sectionAccess(lan, 'm', FILES), login, 'a new listener under lan-login asks for a login');
  assert.equal(upsertListener(lan, tls, 'm', login), undefined, 'listener add again: as asked');
  const everywhere = withProfile(lan, 'm', 'login', FILES, []);
  assert.equal(readProfile(analyzeText(everywhere, 'm'), FILES), 'login');
  assert.equal(withProfile(everywhere, 'm', 'open', FILES, []), open, 'back to the same text');
  const hand = 'per_listener_settings true\nlistener 1883 0.0.0.0\nallow_anonymous true\n';
  assert.throws(() => sectionAccess(hand, 'm', FILES), { exitCode: 2 }, 'hand-written per-listener access');
});

test("access.own-clients: the gateway's own anonymous client judged from its two round trips", () => {
  const out = (output: string, exitCode = 0) => ({ output, exitCode, timedOut: false, ms: 1 });
  assert.equal(judgeOwnClients(undefined, 'k', '').status, 'pass');
  assert.equal(judgeOwnClients(out('keeper=k\ndoctor=k'), 'k', '127.0.0.1:1883').status, 'pass');
  const silent = judgeOwnClients(out('keeper=Timed out\ndoctor=k'), 'k', '127.0.0.1:1883');
  assert.equal(silent.status, 'fail');
  assert.match(silent.detail, /gate-mqtt\/keeper\/# .*hung/);
  assert.equal(judgeOwnClients(out('no-client', 127), 'k', '').status, 'warn');
  const lan = withProfile(factoryConfig(1883), 'm', 'lan-login', FILES, ['wlan0']);
  assert.deepEqual(ownClientTarget(analyzeText(lan, 'm')), { host: '127.0.0.1', port: 1883 });
  const login = withProfile(factoryConfig(1883), 'm', 'login', FILES, []);
  assert.equal(ownClientTarget(analyzeText(login, 'm')), undefined);
});
