import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findBridgeSection,
  removeBridge,
  type SuplaBridge,
  suplaSectionLines,
  upsertSupla,
} from '../../src/config/bridge-section.js';
import { factoryConfig } from '../../src/config/factory.js';
import { decodeConfig, loadConfigText } from '../../src/config/load.js';
import { anonymousListeners, formatIssue } from '../../src/config/model.js';
import { parseConfig, serializeConfig } from '../../src/config/parse.js';
import { redactConfig } from '../../src/config/redact.js';
import { unsafeValueReason } from '../../src/config/safe-value.js';
import { lines, suplaSection } from '../helpers/text.js';

const SUPLA_PL = suplaSection({
  id: 'abc',
  address: 'mqtt.supla.org:8883',
  username: 'u',
  password: 'p w',
  cafile: '/data/data/pl.sviete.dom/files/usr/etc/tls/cert.pem',
});

const REAL_WORLD = [
  factoryConfig(),
  `${factoryConfig()}\n${SUPLA_PL}`,
  [
    '# several listeners',
    'per_listener_settings true',
    'listener 1883 0.0.0.0',
    'allow_anonymous true',
    '',
    'listener 8883',
    'certfile /c.pem',
    'keyfile /k.pem',
    'allow_anonymous false',
    'password_file /p',
    '',
  ].join('\r\n'),
  'listener 1883\n   \n\n# comment\n\ninclude_dir /nonexistent\nlog_type error\nlog_type warning\nlog_dest stdout',
  '',
  '\n\n\n',
];

test('parse and serialise round-trip real-world-shaped configs byte for byte', () => {
  for (const text of REAL_WORLD) assert.equal(serializeConfig(parseConfig(text)), text);
});

test('the factory config is exact and valid', async () => {
  assert.equal(
    factoryConfig(),
    '# AIS Config file for mosquitto on gate\nlistener 1883 0.0.0.0\nallow_anonymous true\n',
  );
  assert.equal(
    factoryConfig(18000),
    '# AIS Config file for mosquitto on gate\nlistener 18000 0.0.0.0\nallow_anonymous true\n',
  );
  const loaded = await loadConfigText(factoryConfig(), '/x/mosquitto.conf');
  assert.deepEqual(loaded.model.issues, []);
  assert.equal(anonymousListeners(loaded.model).length, 1);
});

test('each validation error names its file and line', async () => {
  const text = lines(
    'listener 1883',
    'allow_anonymous maybe',
    'bogus 1',
    'listener 99999',
    'remote_username x',
    'allow_anonymous true',
    'connection a',
    'address h:0',
    'topic x sideways',
    'per_listener_settings true',
    '  # indented',
  );
  const { model } = await loadConfigText(text, '/etc/m.conf');
  const byLine = new Map(model.issues.map((i) => [i.line, formatIssue(i)]));
  assert.match(byLine.get(2)!, /^\/etc\/m\.conf:2: allow_anonymous must be true or false/);
  assert.match(byLine.get(3)!, /:3: unknown option "bogus"/);
  assert.match(byLine.get(4)!, /:4: listener port must be 0-65535/);
  assert.match(byLine.get(5)!, /:5: remote_username is a bridge option/);
  assert.match(byLine.get(6)!, /:6: warning: "allow_anonymous" is set again \(first at \/etc\/m\.conf:2\)/);
  assert.match(byLine.get(8)!, /:8: address "h:0": the port must be 1-65535/);
  assert.match(byLine.get(9)!, /:9: topic direction must be in, out or both/);
  assert.match(byLine.get(10)!, /:10: per_listener_settings must come before/);
  assert.match(byLine.get(11)!, /:11: unknown option "#"/);
});

test('a config without a listener is refused: LAN devices could not connect', async () => {
  const { model } = await loadConfigText('allow_anonymous true\n', '/m.conf');
  assert.match(model.issues.map(formatIssue).join('\n'), /no listener/);
});

test('include_dir that does not exist is an error at its line', async () => {
  const { model } = await loadConfigText('listener 1883\ninclude_dir /nonexistent-gate-mqtt\n', '/m.conf');
  assert.match(
    model.issues.map(formatIssue).join('\n'),
    /\/m\.conf:2: include_dir "\/nonexistent-gate-mqtt": no such folder/,
  );
});

test('garbage, binary and huge files are refused as configs, never parsed', () => {
  assert.equal(decodeConfig(new Uint8Array([0x6c, 0x00, 0x01])).ok, false);
  assert.equal(decodeConfig(new Uint8Array([0xff, 0xfe, 0x41])).ok, false);
  assert.equal(decodeConfig(new Uint8Array(2 * 1024 * 1024).fill(0x41)).ok, false);
  assert.equal(decodeConfig(Buffer.from('listener 1883\n')).ok, true);
});

test('per_listener_settings moves allow_anonymous into each listener', async () => {
  const { model } = await loadConfigText(REAL_WORLD[2]!, '/m.conf');
  assert.deepEqual(model.issues, []);
  assert.deepEqual(
    anonymousListeners(model).map((l) => l.port),
    [1883],
  );
});

const bridge: SuplaBridge = {
  id: 'gate1',
  address: 'mqtt.example.org:8883',
  username: 'user',
  password: 'pa ss',
  cafile: '/ca.pem',
};

test('the SUPLA section is exactly the documented one, appended after one blank line', () => {
  const out = upsertSupla(factoryConfig(), bridge, '/m.conf');
  assert.equal(out, `${factoryConfig()}\n${suplaSection({ ...bridge, id: 'gate1' })}`);
  assert.equal(suplaSectionLines(bridge).length, 10);
});

test('bridge add then remove leaves the file byte-identical; update replaces in place', () => {
  for (const base of [factoryConfig(), REAL_WORLD[1]!, 'listener 1883\nallow_anonymous true\n\n# tail comment\n']) {
    const added = upsertSupla(base, bridge, '/m.conf');
    assert.equal(removeBridge(added, 'bridge-dom-gate1', '/m.conf'), base);
    const updated = upsertSupla(added, { ...bridge, password: 'new' }, '/m.conf');
    assert.equal(updated, added.replace('remote_password pa ss', 'remote_password new'));
  }
  assert.equal(removeBridge(factoryConfig(), 'bridge-dom-none', '/m.conf'), undefined);
});

test('a hand-written bridge is found up to its last bridge option; global lines after it stay', () => {
  const text = 'listener 1883\nconnection b1\naddress h:1\ntopic # both\nlog_type all\n';
  const range = findBridgeSection(parseConfig(text), 'b1');
  assert.deepEqual(range, { start: 1, end: 4, connectionIndex: 1 });
  assert.equal(removeBridge(text, 'b1', '/m.conf'), 'listener 1883\nlog_type all\n');
});

test('values that could make another config line are refused', () => {
  for (const bad of [
    'a\nlistener 1 0.0.0.0',
    'a\r',
    'a\u0000b',
    '',
    ' lead',
    'trail ',
    '#x',
    'a\u2028b',
    'x'.repeat(600),
    'tab\there',
    '\u007f',
  ]) {
    assert.ok(unsafeValueReason(bad), `should refuse ${JSON.stringify(bad)}`);
  }
  for (const good of ['p@ss w0rd!', 'zażółć', 'a#b', 'user.name-1']) assert.equal(unsafeValueReason(good), undefined);
});

test('redaction hides every secret and keeps the rest byte for byte', () => {
  const out = redactConfig(REAL_WORLD[1]!);
  assert.doesNotMatch(out, /p w/);
  assert.match(out, /remote_password \*{8}/);
  assert.equal(out.replace('remote_password ********', 'remote_password p w'), REAL_WORLD[1]);
});

test('the dry-run diff names the changed lines only, in order', async () => {
  const { changedLines, diffSummary } = await import('../../src/config/diff.js');
  assert.deepEqual(changedLines('a\nb\nc\n', 'a\nB\nc\nd\n'), ['- b', '+ B', '+ d']);
  assert.deepEqual(changedLines('same\n', 'same\n'), []);
  assert.equal(diffSummary('a\nb\n', 'a\nc\nd\n'), '+2 -1 lines');
});
