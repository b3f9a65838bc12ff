import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { certProbe, judgeCertificates } from '../../src/checks/tls-expiry.js';
import { coversNames, judgeExpiry, pairProblem, readCertificate, wantedNames } from '../../src/config/certificate.js';
import { factoryConfig } from '../../src/config/factory.js';
import {
  type ListenerSpec,
  listenerSectionLines,
  originOf,
  removeListener,
  upsertListener,
} from '../../src/config/listener-section.js';
import { analyzeText } from '../../src/config/load.js';
import { GateError } from '../../src/model/errors.js';
import { localTarget } from '../../src/network/listener-target.js';
import { probe } from '../helpers/unit-context.js';

const FILE = '/p/etc/mosquitto/mosquitto.conf';
const TLS = { kind: 'tls', port: 8883, certfile: '/c/s.pem', keyfile: '/c/s.pem' } as const;
const WS = { kind: 'websockets', port: 9001 } as const;

const refused = (run: () => unknown, pattern: RegExp) =>
  assert.throws(
    run,
    (error: unknown) => error instanceof GateError && error.exitCode === 2 && pattern.test(error.message),
  );

test('add then remove gives back the identical file; the same add again is no change', () => {
  const factory = factoryConfig(1883);
  const added = upsertListener(factory, TLS, FILE)!;
  assert.equal(added, `${factory}\n${listenerSectionLines(TLS).join('\n')}\n`);
  assert.equal(upsertListener(added, TLS, FILE), undefined, 'already as asked');
  const both = upsertListener(added, WS, FILE)!;
  assert.match(both, /listener 9001 0\.0\.0\.0\nprotocol websockets\n$/);
  assert.equal(removeListener(removeListener(both, 9001, FILE)!, 8883, FILE), factory);
  assert.equal(removeListener(factory, 8884, FILE), undefined, 'nothing there');
  const moved = upsertListener(added, { ...TLS, cafile: '/c/ca.pem' }, FILE)!;
  assert.equal(moved, `${added}cafile /c/ca.pem\n`, 'ours is updated in place');
});

test('refused with exit 2: the factory listener, one written by hand, the last plain MQTT one, a taken port', () => {
  const factory = factoryConfig(1883);
  refused(() => removeListener(factory, 1883, FILE), /factory listener/);
  const hand = 'listener 1883 0.0.0.0\nallow_anonymous true\nlistener 8883\ncertfile /a\nkeyfile /b\n';
  refused(() => removeListener(hand, 8883, FILE), /was not added by gate-mqtt/);
  refused(() => upsertListener(hand, TLS, FILE), /already has a listener .* that gate-mqtt did not add/);
  const section = (spec: ListenerSpec) => listenerSectionLines(spec).join('\n');
  const onlyOurs = `${section(WS)}\n\n${section({ ...WS, port: 1884 })}\n`;
  refused(() => removeListener(onlyOurs, 9001, FILE), /last plain MQTT listener/);
  const tlsAndWs = `${listenerSectionLines(TLS).join('\n')}\n\n${listenerSectionLines(WS).join('\n')}\n`;
  refused(() => removeListener(tlsAndWs, 9001, FILE), /last plain MQTT listener/);
  const withPlain = `listener 1883 0.0.0.0\n\n${listenerSectionLines(WS).join('\n')}\n`;
  assert.equal(removeListener(withPlain, 9001, FILE), 'listener 1883 0.0.0.0\n', 'a websockets one goes');
  const lastPlain = `${listenerSectionLines(TLS).join('\n')}\n# x\nlistener 1883 0.0.0.0\n`;
  assert.equal(originOf(lastPlain, FILE, 8883), 'gate-mqtt');
  assert.equal(originOf(factory, FILE, 1883), 'factory');
});

test('the round trip, keeper and status use the first plain MQTT listener, not a TLS or websockets one', () => {
  const [tls, ws] = [listenerSectionLines(TLS).join('\n'), listenerSectionLines(WS).join('\n')];
  const text = `${tls}\n${ws}\nlistener 1883 0.0.0.0\n`;
  assert.equal(localTarget(analyzeText(text, FILE), 1).port, 1883);
});

/** A certificate made by openssl in a scratch folder (the tool makes its own the same way). */
function makeCert(days: number): { dir: string; cert: string; key: string; other: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-mqtt-unit-tls-'));
  const [cert, key, other] = ['c.pem', 'k.pem', 'o.pem'].map((f) => path.join(dir, f)) as [string, string, string];
  const ec = ['-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  const sans = ['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1,IP:192.168.1.20'];
  const req = ['req', '-x509', '-newkey', 'ec', ...ec, '-nodes', '-keyout', key, '-out', cert, '-days', String(days)];
  for (const args of [
    [...req, '-subj', '/CN=gw', ...sans],
    ['genpkey', '-algorithm', 'EC', ...ec, '-out', other],
  ]) {
    const run = spawnSync('openssl', args, { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  }
  return { dir, cert, key, other };
}

test('a pair is checked before the config is touched: the key of the certificate, not ended, not encrypted', (t) => {
  const made = makeCert(10);
  t.after(() => rmSync(made.dir, { recursive: true, force: true }));
  const pem = (file: string) => ({ file, pem: readFileSync(file) });
  assert.equal(pairProblem(pem(made.cert), pem(made.key)), undefined);
  assert.match(pairProblem(pem(made.cert), pem(made.other)) ?? '', /is not the key of/);
  assert.match(pairProblem(pem(made.key), pem(made.key)) ?? '', /is not a PEM certificate/);
  assert.match(pairProblem(pem(made.cert), pem(made.cert)) ?? '', /is not a PEM private key/);
  const info = readCertificate(readFileSync(made.cert))!;
  assert.ok(coversNames(info, wantedNames(['192.168.1.20'])), 'loopback, localhost and the LAN address');
  assert.ok(!coversNames(info, wantedNames(['192.168.1.21'])), 'a new address: a new certificate');
  assert.deepEqual(wantedNames(['fe80::1', '10.0.0.2']), ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1', 'IP:10.0.0.2']);
  const day = 24 * 3600 * 1000;
  assert.equal(judgeExpiry(info).state, 'soon');
  assert.equal(judgeExpiry(info, new Date(info.validTo.getTime() - 40 * day)).state, 'not-yet');
  assert.equal(judgeExpiry(info, new Date(info.validTo.getTime() + day)).state, 'ended');
});

test('tls.expiry: ended fails, within 30 days warns, later passes; the probe sends only certificates', (t) => {
  const made = makeCert(100);
  t.after(() => rmSync(made.dir, { recursive: true, force: true }));
  const both = Buffer.concat([readFileSync(made.key), readFileSync(made.cert)]);
  const certOnly = readFileSync(made.cert, 'utf8');
  const out = (file: string) =>
    probe(`file=${file}\n${Buffer.from(certOnly).toString('base64').replace(/^/gm, 'b64=')}`);
  const info = readCertificate(both)!;
  const day = 24 * 3600 * 1000;
  assert.equal(judgeCertificates(out('/c.pem'), new Date(info.validTo.getTime() - 90 * day)).status, 'pass');
  const soon = judgeCertificates(out('/c.pem'), new Date(info.validTo.getTime() - 10 * day));
  assert.equal(soon.status, 'warn');
  assert.match(soon.detail, /\/c\.pem ends on .*, in (9|10) days/);
  assert.match(soon.hint ?? '', /listener renew/);
  const ended = judgeCertificates(out('/c.pem'), new Date(info.validTo.getTime() + day));
  assert.equal(ended.status, 'fail');
  assert.equal(judgeCertificates(probe('file=/x.pem\nmissing=1\n')).status, 'warn');
  assert.equal(judgeCertificates(probe('')).status, 'pass');
  // The probe, run here on a file holding the key too, lets only the certificate out.
  const file = path.join(made.dir, 'both.pem');
  writeFileSync(file, both);
  const run = spawnSync('sh', ['-c', certProbe([file])], { encoding: 'utf8' });
  const sent = Buffer.from(
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('b64='))
      .map((l) => l.slice(4))
      .join(''),
    'base64',
  ).toString();
  assert.ok(sent.includes('BEGIN CERTIFICATE') && !sent.includes('PRIVATE KEY'), sent);
});
