import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { connect } from 'node:tls';
import { inNamespace } from '../../scripts/netns.js';
import { factoryConfig } from '../../src/config/factory.js';
import { IS_ROOT } from '../helpers/lane.js';
import { roundTrip } from '../helpers/mqtt.js';
import { testNamespace } from '../helpers/netns.js';
import {
  cleanEnv,
  type DoctorResult,
  freePort,
  parseJson,
  provisioned,
  type Result,
  type Sandbox,
  sandbox,
} from '../helpers/sandbox.js';

/**
 * Listeners against the real mosquitto, in both lanes: a TLS client trusting only the local CA connects
 * to the self-signed listener, a websockets client gets a round trip, a renewed certificate is served
 * after SIGHUP without a restart, a certificate that ends in 10 days is warned about, and no private key
 * reaches argv, output, JSON or the run log.
 */

const certs = (box: Sandbox) => ({
  ca: path.join(box.paths.certsDir, 'gate-mqtt-ca.pem'),
  server: path.join(box.paths.certsDir, 'gate-mqtt-server.pem'),
});

/** A provisioned gateway whose folders the broker's user can reach (as root mosquitto drops to its user). */
async function gateway(t: TestContext): Promise<Sandbox> {
  const box = await provisioned(t);
  if (IS_ROOT) spawnSync('chmod', ['755', box.root]);
  return box;
}

/** mosquitto_pub over TLS that trusts only `cafile` (it checks the host name or IP against the certificate). */
function tlsPublish(host: string, port: number, cafile: string, netns?: string) {
  const args = ['-h', host, '-p', String(port), '--cafile', cafile, '-t', 'gmt/tls', '-m', 'hello', '-q', '1'];
  const [file, argv] = netns ? inNamespace(netns, 'mosquitto_pub', args) : ['mosquitto_pub', args];
  const run = spawnSync(file, argv, { encoding: 'utf8', timeout: 15_000 });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** mosquitto_sub over TLS trusting only `cafile`: what it received while `tlsPublish` sent (one message). */
async function tlsSubscribe(host: string, port: number, cafile: string): Promise<string> {
  const args = ['-h', host, '-p', String(port), '--cafile', cafile, '-t', 'gmt/tls', '-C', '1', '-W', '10'];
  const child = spawn('mosquitto_sub', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const closed = new Promise((resolve) => child.on('close', resolve));
  // published until the subscriber has its message (its TLS handshake may take a moment)
  for (let i = 0; i < 20 && child.exitCode === null; i++) {
    tlsPublish(host, port, cafile);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await closed;
  return out.trim();
}

/** The fingerprint of the certificate the listener presents. */
function served(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

/** The lines of a PEM private key's body: none of them may show anywhere. */
const keyLines = (pem: string) =>
  pem
    .split(/-----END [A-Z ]*PRIVATE KEY-----/)[0]!
    .split('\n')
    .filter((l) => l.length > 20 && !l.startsWith('-----'));

function openssl(args: string[]): void {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

test('listener add tls --self-signed: a TLS client trusting the CA connects; again: no change; renew: SIGHUP', {
  timeout: 180_000,
}, async (t) => {
  const box = await gateway(t);
  const port = await freePort();
  const add = ['listener', 'add', 'tls', '--port', String(port), '--self-signed'];
  const conf0 = readFileSync(box.paths.configFile, 'utf8');
  const dry = await box.cli([...add, '--dry-run']);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.match(dry.stdout, /Validate the new config: valid \(model and a trial start/, 'checked with throwaway files');
  assert.ok(!existsSync(box.paths.certsDir), 'a dry run makes no certificate on the device');
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), conf0);
  const run = await box.cli([...add, '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const result = parseJson<Result>(run);
  assert.equal(result.changed, true);
  const files = certs(box);
  assert.match(result.steps.find((s) => s.id === 'tls.certificates')?.detail ?? '', /clients trust it with the CA/);
  assert.ok(result.steps.find((s) => s.id === 'tls.certificates')?.detail.includes(files.ca));
  assert.equal(statSync(files.server).mode & 0o777, 0o600, 'the key is 0600');
  if (IS_ROOT) assert.notEqual(statSync(files.server).uid, 0, 'owned by the user mosquitto drops to');
  const conf = readFileSync(box.paths.configFile, 'utf8');
  assert.ok(conf.startsWith(factoryConfig(box.port)), 'the rest of the file stays byte for byte');
  assert.match(conf, new RegExp(`listener ${port} 0\\.0\\.0\\.0\\ncertfile ${files.server}\\nkeyfile ${files.server}`));

  for (const host of ['localhost', '127.0.0.1']) {
    const client = tlsPublish(host, port, files.ca);
    assert.ok(client.ok, `${host}: ${client.output}`);
  }
  assert.equal(await tlsSubscribe('127.0.0.1', port, files.ca), 'hello', 'mosquitto_sub --cafile receives');
  const plain = await roundTrip({ host: '127.0.0.1', port: box.port });
  assert.ok(plain.ok, 'the factory listener still serves');

  const pid = box.mqtt()?.pid;
  const again = parseJson<Result>(await box.cli([...add, '--json']));
  assert.equal(again.changed, false, JSON.stringify(again.steps));
  assert.equal(box.mqtt()?.pid, pid, 'no restart');

  const before = await served(port);
  const renew = await box.cli(['listener', 'renew']);
  assert.equal(renew.code, 0, renew.stdout + renew.stderr);
  assert.match(renew.stdout, /reloaded on SIGHUP .*no restart/);
  assert.equal(box.mqtt()?.pid, pid, 'SIGHUP, not a restart');
  const after = await served(port);
  assert.notEqual(after, before);
  assert.equal(after, new X509Certificate(readFileSync(files.server)).fingerprint256);
  assert.ok(tlsPublish('localhost', port, files.ca).ok, 'clients trust the renewed certificate with the same CA');

  const list = parseJson<{ listeners: Array<{ port: number; tls: boolean; origin: string; cafile: string | null }> }>(
    await box.cli(['listener', 'list', '--json']),
  );
  assert.deepEqual(
    list.listeners.map((l) => [l.port, l.tls, l.origin, l.cafile]),
    [
      [box.port, false, 'factory', null],
      [port, true, 'gate-mqtt', files.ca],
    ],
  );

  // The private key never shows: not in output, JSON or the run log.
  const log = readFileSync(path.join(box.paths.logDir, 'listener.log'), 'utf8');
  for (const line of keyLines(readFileSync(files.server, 'utf8')))
    for (const text of [run.stdout, run.stderr, renew.stdout, log]) assert.ok(!text.includes(line), 'no key shows');

  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  const expiry = doctor.checks.find((c) => c.id === 'tls.expiry');
  assert.equal(expiry?.status, 'pass', expiry?.detail);
});

test('listener add websockets: mqtt.js gets a round trip over ws://; remove gives back the identical file', {
  timeout: 120_000,
}, async (t) => {
  const box = await gateway(t);
  const port = await freePort();
  const before = readFileSync(box.paths.configFile, 'utf8');
  const add = await box.cli(['listener', 'add', 'websockets', '--port', String(port)]);
  assert.equal(add.code, 0, add.stdout + add.stderr);
  const trip = await roundTrip({ host: '127.0.0.1', port, protocol: 'ws' });
  assert.ok(trip.ok, trip.ok ? '' : trip.reason);

  const factory = await box.cli(['listener', 'remove', String(box.port)]);
  assert.equal(factory.code, 2);
  assert.match(factory.stderr, /factory listener .*does not remove it; nothing was changed/);

  const remove = await box.cli(['listener', 'remove', String(port)]);
  assert.equal(remove.code, 0, remove.stdout + remove.stderr);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before);
  const none = parseJson<Result>(await box.cli(['listener', 'remove', String(port), '--json']));
  assert.equal(none.changed, false);
});

test('listener add tls --cert/--key: checked first; a certificate ending in 10 days is warned about', {
  timeout: 120_000,
}, async (t) => {
  const box = await gateway(t);
  const dir = path.join(box.root, 'own');
  spawnSync('mkdir', ['-p', dir]);
  const [cert, key, other] = ['cert.pem', 'key.pem', 'other.pem'].map((f) => path.join(dir, f)) as [
    string,
    string,
    string,
  ];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', key, '-out', cert, '-days', '10', '-subj', '/CN=localhost']);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', other]);
  if (IS_ROOT) spawnSync('chown', ['-R', 'mosquitto', dir]);
  spawnSync('chmod', ['755', dir]);
  const conf = readFileSync(box.paths.configFile, 'utf8');
  const port = String(await freePort());

  const wrong = await box.cli(['listener', 'add', 'tls', '--port', port, '--cert', cert, '--key', other]);
  assert.equal(wrong.code, 2, wrong.stdout);
  assert.match(wrong.stderr, /is not the key of .*nothing was changed/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), conf);
  const both = await box.cli(['listener', 'add', 'tls', '--port', port, '--self-signed', '--cert', cert]);
  assert.equal(both.code, 2);
  assert.equal(both.stderr.split('\n').filter((l) => l !== '').length, 2, 'one line and a hint');

  const add = await box.cli(['listener', 'add', 'tls', '--port', port, '--cert', cert, '--key', key]);
  assert.equal(add.code, 0, add.stdout + add.stderr);
  const doctor = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  const expiry = doctor.checks.find((c) => c.id === 'tls.expiry');
  assert.equal(expiry?.status, 'warn', JSON.stringify(expiry));
  assert.match(expiry?.detail ?? '', new RegExp(`${cert} ends on .*in (9|10) days`));
  assert.match(expiry?.hint ?? '', /listener renew/);
  for (const line of keyLines(readFileSync(key, 'utf8'))) assert.ok(!JSON.stringify(doctor).includes(line));
});

test('without openssl, --self-signed is exit 4 with the package to install; nothing was changed', {
  timeout: 60_000,
}, async (t) => {
  const box = await gateway(t);
  const conf = readFileSync(box.paths.configFile, 'utf8');
  const empty = path.join(box.root, 'no-tools');
  spawnSync('mkdir', ['-p', empty]);
  const env = cleanEnv({ PATH: empty });
  const run = await box.cli(['listener', 'add', 'tls', '--port', '18999', '--self-signed'], { env });
  assert.equal(run.code, 4, run.stdout + run.stderr);
  assert.match(run.stderr, /openssl.*not found/);
  assert.match(run.stderr, /pkg install openssl-tool/);
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), conf);
  assert.ok(!existsSync(box.paths.certsDir));
});

test('the self-signed certificate covers the LAN address: a client on the LAN verifies it', {
  timeout: 180_000,
}, async (t) => {
  const ns = await testNamespace(t, [{ link: 'lan0', addresses: ['192.168.77.2/24'] }]);
  if (!ns) return;
  const box = await sandbox(t);
  spawnSync('chmod', ['755', box.root]);
  const cli = (args: string[]) => box.cli(args, { netns: ns.name });
  assert.equal((await cli(['provision', '--port', String(box.port)])).code, 0);
  const port = await freePort();
  const add = await cli(['listener', 'add', 'tls', '--port', String(port), '--self-signed']);
  assert.equal(add.code, 0, add.stdout + add.stderr);
  assert.match(add.stdout, /IP:192\.168\.77\.2/);
  const client = tlsPublish('192.168.77.2', port, certs(box).ca, ns.name);
  assert.ok(client.ok, client.output);
});

test("gate-mqtt's own certificate ended: tls.expiry fails, doctor --fix makes a new one, in force without a restart", {
  timeout: 180_000,
}, async (t) => {
  const box = await gateway(t);
  const port = await freePort();
  const add = await box.cli(['listener', 'add', 'tls', '--port', String(port), '--self-signed']);
  assert.equal(add.code, 0, add.stdout + add.stderr);
  // An ended certificate from the same CA, for the same key file (openssl ca takes dates in the past).
  const files = certs(box);
  const work = path.join(box.root, 'ended');
  spawnSync('mkdir', ['-p', work]);
  const at = (name: string) => path.join(work, name);
  writeFileSync(at('index.txt'), '');
  writeFileSync(at('serial'), '01\n');
  const cnf = ['[ca]', 'default_ca = c', '[c]', `database = ${at('index.txt')}`, `serial = ${at('serial')}`]
    .concat([`new_certs_dir = ${work}`, 'policy = p', 'default_md = sha256', '[p]', 'commonName = supplied', ''])
    .join('\n');
  writeFileSync(at('ca.cnf'), cnf);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-new', ...ec, '-keyout', at('key.pem'), '-out', at('csr.pem'), '-subj', '/CN=gate-mqtt']);
  const caKey = path.join(box.paths.certsDir, 'gate-mqtt-ca.key');
  const dates = ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z'];
  const sign = ['-cert', files.ca, '-keyfile', caKey, '-in', at('csr.pem'), '-out', at('crt.pem'), ...dates];
  openssl(['ca', '-batch', '-notext', '-config', at('ca.cnf'), ...sign]);
  writeFileSync(files.server, Buffer.concat([readFileSync(at('key.pem')), readFileSync(at('crt.pem'))]));

  const doctor = await box.cli(['doctor', '--json']);
  assert.equal(doctor.code, 1);
  const ended = parseJson<DoctorResult>(doctor).checks.find((c) => c.id === 'tls.expiry');
  assert.equal(ended?.status, 'fail', JSON.stringify(ended));
  assert.match(ended?.detail ?? '', /ended on 2020-02-01/);

  const pid = box.mqtt()?.pid;
  const fix = await box.cli(['doctor', '--fix']);
  assert.equal(fix.code, 0, fix.stdout + fix.stderr);
  assert.match(fix.stdout, /reloaded on SIGHUP/);
  assert.equal(box.mqtt()?.pid, pid, 'no restart');
  assert.ok(tlsPublish('localhost', port, files.ca).ok, 'the new certificate is served and trusted');
  const after = parseJson<DoctorResult>(await box.cli(['doctor', '--json']));
  assert.equal(after.checks.find((c) => c.id === 'tls.expiry')?.status, 'pass');
});
