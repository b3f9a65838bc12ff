import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { testNamespace } from '../helpers/netns.js';
import { type DoctorResult, parseJson, type Result, sandbox } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

// Each test is a gateway in a network namespace of its own (created and removed by the test): a LAN
// link with 192.168.77.2 and, as the case needs, a WAN link. Addresses from documentation ranges; no
// packet leaves the namespace. A real client inside it proves each finding.

const LAN = { link: 'lan0', addresses: ['192.168.77.2/24'] };

function exposure(run: { stdout: string; stderr: string; code: number | null }) {
  const check = parseJson<DoctorResult>(run).checks.find((c) => c.id === 'network.exposure');
  assert.ok(check, run.stdout);
  return check;
}

test('LAN only passes; a public address fails (a client gets in); --refuse-exposed serves nothing; --auth passes', {
  timeout: 180_000,
}, async (t) => {
  const ns = await testNamespace(t, [LAN]);
  if (!ns) return;
  const box = await sandbox(t);
  const cli = (args: string[], input?: string) => box.cli(args, { netns: ns.name, ...(input ? { input } : {}) });
  const port = String(box.port);
  const first = await cli(['provision', '--port', port, '--json']);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.equal(parseJson<Result>(first).steps.find((s) => s.id === 'network.exposure')?.warning, undefined);
  const lanOnly = exposure(await cli(['doctor', '--json']));
  assert.equal(lanOnly.status, 'pass', lanOnly.detail);
  assert.match(lanOnly.detail, /192\.168\.77\.2 \(lan0, private\)/);

  // The operator's modem hands the gateway a public address.
  await ns.addLink('wan0', ['203.0.113.5/24']);
  const doctor = await cli(['doctor', '--json']);
  assert.equal(doctor.code, 1);
  const exposed = exposure(doctor);
  assert.equal(exposed.status, 'fail');
  assert.match(
    exposed.detail,
    new RegExp(`203\\.0\\.113\\.5 \\(wan0, public or reserved.* through 0\\.0\\.0\\.0:${port}`),
  );
  assert.match(exposed.hint ?? '', /provision --auth/);
  assert.equal(ns.client({ host: '203.0.113.5', port: box.port }).connected, true, 'the finding is true');

  const status = parseJson<{ listeners: Array<{ addresses: Array<{ address: string; class: string }> }> }>(
    await cli(['status', '--json']),
  );
  assert.deepEqual(
    status.listeners[0]?.addresses.find((a) => a.address === '203.0.113.5'),
    { address: '203.0.113.5', interface: 'wan0', class: 'not-local' },
  );

  // Provision still serves, and says so in its step, its JSON and its run log.
  const again = await cli(['provision', '--port', port, '--json']);
  assert.equal(again.code, 0, again.stdout);
  const step = parseJson<Result>(again).steps.find((s) => s.id === 'network.exposure');
  assert.match(step?.detail ?? '', /203\.0\.113\.5/);
  assert.match(step?.warning ?? '', /provision --auth/);
  assert.match(readFileSync(`${box.paths.logDir}/provision.log`, 'utf8'), /warning network\.exposure: /);
  const plain = await cli(['provision', '--port', port]);
  assert.match(plain.stdout, /\[WARNING\] Local access only: .*203\.0\.113\.5/);

  // An image that wants it: no broker at all rather than an exposed one, also not at the next boot.
  const refused = await cli(['provision', '--port', port, '--refuse-exposed', '--json']);
  assert.equal(refused.code, 1, refused.stdout);
  assert.match(parseJson<Result>(refused).error?.message ?? '', /refusing to serve .*203\.0\.113\.5/);
  assert.equal(box.mqtt(), undefined, 'the broker left pm2');
  assert.doesNotMatch(readFileSync(`${box.paths.pm2Home}/dump.pm2`, 'utf8'), /"name":\s*"mqtt"/);
  assert.equal(ns.client({ host: '203.0.113.5', port: box.port }).connected, false, 'nothing answers');

  // Passwords: the same address is fine.
  chmodSync(box.root, 0o755); // started as root, mosquitto reads the password file as its own user
  const auth = ['provision', '--port', port, '--refuse-exposed', '--auth', '--username', 'hass', '--password-stdin'];
  const secured = await cli([...auth, '--json'], 'door-Key 77\n');
  assert.equal(secured.code, 0, secured.stdout);
  const after = exposure(await cli(['doctor', '--json']));
  assert.equal(after.status, 'pass', after.detail);
  assert.match(after.detail, /every listener requires a password/);
  const anonymous = ns.client({ host: '203.0.113.5', port: box.port });
  assert.equal(anonymous.refused, true, anonymous.output);
  const user = ns.client({ host: '203.0.113.5', port: box.port, username: 'hass', password: 'door-Key 77' });
  assert.equal(user.connected, true, user.output);
});

test("an address on the carrier's shared network (100.64.0.0/10) warns, and is reachable", {
  timeout: 120_000,
}, async (t) => {
  const ns = await testNamespace(t, [LAN, { link: 'wan0', addresses: ['100.64.20.5/10'] }]);
  if (!ns) return;
  const box = await sandbox(t);
  assert.equal((await box.cli(['provision', '--port', String(box.port)], { netns: ns.name })).code, 0);
  const doctor = await box.cli(['doctor', '--json'], { netns: ns.name });
  const check = exposure(doctor);
  assert.equal(check.status, 'warn', check.detail);
  assert.match(check.detail, /100\.64\.20\.5 \(wan0, the mobile carrier's shared network/);
  assert.equal(doctor.code, 0, 'a warning does not fail the doctor');
  assert.equal(ns.client({ host: '100.64.20.5', port: box.port }).connected, true);
});

test('a global IPv6 address: not covered by 0.0.0.0; a listener without an address fails naming it', {
  timeout: 120_000,
}, async (t) => {
  const ns = await testNamespace(t, [LAN, { link: 'wan0', addresses: ['2001:db8::5/64'] }]);
  if (!ns) return;
  const box = await sandbox(t);
  const cli = (args: string[]) => box.cli(args, { netns: ns.name });
  assert.equal((await cli(['provision', '--port', String(box.port)])).code, 0);
  const factory = exposure(await cli(['doctor', '--json']));
  assert.equal(factory.status, 'pass', factory.detail);
  assert.match(factory.detail, /not covered: 2001:db8::5 \(wan0\)/);
  const notThere = ns.client({ host: '2001:db8::5', port: box.port });
  assert.equal(notThere.connected || notThere.refused, false, 'nothing answers on IPv6');

  const file = `${box.root}/open.conf`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, lines(`listener ${box.port}`, 'allow_anonymous true'));
  const validate = await cli(['config', 'validate', file, '--json']);
  assert.equal(validate.code, 0, validate.stdout);
  const warnings = parseJson<{ warnings: Array<{ line: number; message: string }> }>(validate).warnings;
  assert.ok(
    warnings.some((w) => w.line === 1 && /every IPv6 address/.test(w.message)),
    validate.stdout,
  );
  assert.equal((await cli(['config', 'apply', file])).code, 0);
  const open = exposure(await cli(['doctor', '--json']));
  assert.equal(open.status, 'fail', open.detail);
  assert.match(open.detail, new RegExp(`2001:db8::5 \\(wan0, public or reserved.* through \\*:${box.port}`));
  assert.equal(ns.client({ host: '2001:db8::5', port: box.port }).connected, true, 'the finding is true');
});
