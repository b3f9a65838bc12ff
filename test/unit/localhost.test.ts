import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import {
  brokerLocalhost,
  hereIdentity,
  judgeLocalhost,
  type LocalhostResolution,
  localhostProbe,
  localhostReach,
  parseLocalhostProbe,
} from '../../src/checks/broker-localhost.js';
import type { ProbeOutput, Prober } from '../../src/checks/check.js';
import { factoryConfig } from '../../src/config/factory.js';
import { analyzeText } from '../../src/config/load.js';
import { setLanguage } from '../../src/i18n/translate.js';
import type { AddressList } from '../../src/network/interfaces.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { englishLines, englishWords } from '../helpers/polish.js';
import { probe } from '../helpers/unit-context.js';

const V6_FIRST = ['::1', '127.0.0.1'];
const V4_FIRST = ['127.0.0.1', '::1'];
const resolved = (addresses: string[], via = 'getaddrinfo'): LocalhostResolution => ({
  kind: 'resolved',
  via,
  addresses,
});
/** The check's verdict for a config and what localhost resolved to (the judge over the shared model). */
const judge = (config: string, addresses: string[], own?: AddressList) =>
  judgeLocalhost(resolved(addresses), localhostReach(analyzeText(config, '/p/mosquitto.conf'), addresses, own));

test('the factory listener (0.0.0.0) with ::1 first warns, names ::1 and says how to fix it', () => {
  const outcome = judge(factoryConfig(1883), V6_FIRST);
  assert.equal(outcome.id, 'broker.localhost');
  assert.equal(outcome.status, 'warn');
  assert.match(outcome.detail, /localhost resolves to ::1 first \(getaddrinfo\)/);
  assert.match(outcome.detail, /port 1883 \(0\.0\.0\.0:1883\)/);
  assert.match(outcome.hint ?? '', /listener 1883 ::1, or listener 1883 with no address\): gate-mqtt config edit/);
  assert.match(outcome.hint ?? '', /let clients use 127\.0\.0\.1$/);
});

test('the factory listener with 127.0.0.1 first passes with the address and the listener that covers it', () => {
  assert.deepEqual(judge(factoryConfig(1883), V4_FIRST), {
    id: 'broker.localhost',
    status: 'pass',
    detail: 'localhost resolves to 127.0.0.1 first (getaddrinfo): covered by 0.0.0.0:1883',
    hint: null,
  });
});

test('which listeners cover the first address, as mosquitto 2.0.11 binds them', () => {
  const cases: Array<[string, string[], 'pass' | 'warn']> = [
    ['listener 1883\n', V6_FIRST, 'pass'], // no address: both families
    ['listener 1883 ::\n', V6_FIRST, 'pass'],
    ['listener 1883 ::\n', V4_FIRST, 'warn'], // IPV6_V6ONLY: IPv6 only
    ['listener 1883 ::1\n', V6_FIRST, 'pass'],
    ['listener 1883 127.0.0.1\n', V6_FIRST, 'warn'],
    ['listener 1883 0.0.0.0\nlistener 1883 ::1\n', V6_FIRST, 'pass'],
    ['listener 1883\nsocket_domain ipv4\n', V6_FIRST, 'warn'],
    ['listener 1883\nsocket_domain ipv6\n', V6_FIRST, 'pass'],
    // mosquitto binds every address localhost resolves to (measured), whatever comes first
    ['listener 1883 localhost\n', V6_FIRST, 'pass'],
    ['listener 1883 localhost\n', V4_FIRST, 'pass'],
    // no listener at all: "local only mode", 127.0.0.1 and ::1 on 1883
    ['allow_anonymous true\n', V6_FIRST, 'pass'],
    ['listener 1883 192.168.1.20\n', V4_FIRST, 'warn'],
  ];
  for (const [config, addresses, status] of cases) {
    const outcome = judge(config, addresses);
    assert.equal(outcome.status, status, `${JSON.stringify(config)} with ${addresses[0]} first: ${outcome.detail}`);
    assert.ok(status === 'pass' || outcome.hint, 'a warning has a hint');
  }
});

test('bind_interface covers the first address of each family of that interface', () => {
  const own: AddressList = {
    addresses: [
      { iface: 'lo', address: '127.0.0.1', family: 4 },
      { iface: 'lo', address: '::1', family: 6 },
      { iface: 'lan0', address: '192.168.1.20', family: 4 },
    ],
    source: 'getifaddrs',
    read: { 4: true, 6: true },
    gaps: [],
  };
  assert.equal(judge('listener 1883\nbind_interface lo\n', V6_FIRST, own).status, 'pass');
  assert.equal(judge('listener 1883\nbind_interface lan0\n', V6_FIRST, own).status, 'warn');
});

test('each port is judged on its own; the hint offers only an address every such port covers', () => {
  const config = 'listener 1883\nlistener 9001 0.0.0.0\nprotocol websockets\n';
  const outcome = judge(config, V6_FIRST);
  assert.equal(outcome.status, 'warn');
  assert.match(outcome.detail, /on port 9001 \(0\.0\.0\.0:9001\)/);
  assert.match(outcome.hint ?? '', /listener 9001 ::1/);
  // only ::1: nothing else to offer
  const alone = judge('listener 1883 127.0.0.1\n', ['::1']);
  assert.doesNotMatch(alone.hint ?? '', /let clients use/);
  assert.match(alone.hint ?? '', /listener 1883 ::1/);
});

test('what the gateway could not tell passes with a note; a localhost that does not resolve warns', () => {
  const reach = localhostReach(analyzeText(factoryConfig(1883), '/p/m.conf'), []);
  const unknown = judgeLocalhost(
    { kind: 'unknown', why: 'the gateway has no getent to resolve localhost with' },
    reach,
  );
  assert.equal(unknown.status, 'pass');
  assert.match(unknown.detail, /^not checked: the gateway has no getent/);
  const missing = judgeLocalhost({ kind: 'resolved', via: 'getaddrinfo', addresses: [], why: 'ENOTFOUND' }, reach);
  assert.equal(missing.status, 'warn');
  assert.match(missing.detail, /does not resolve on the gateway \(getaddrinfo: ENOTFOUND\)/);
  assert.match(missing.hint ?? '', /127\.0\.0\.1 instead of localhost/);
});

test("the probe's answer: getent ahosts in its order, each address once; here; no getent; not found", () => {
  const getent = '::1             STREAM localhost\n::1             DGRAM  \n127.0.0.1       STREAM \n';
  assert.deepEqual(parseLocalhostProbe(probe(getent)), resolved(['::1', '127.0.0.1'], 'getent ahosts'));
  assert.equal(parseLocalhostProbe(probe('here\n')), 'here');
  assert.equal((parseLocalhostProbe(probe('no-getent\n')) as { kind: string }).kind, 'unknown');
  assert.deepEqual(parseLocalhostProbe(probe('', 2)), { ...resolved([], 'getent ahosts'), why: 'exit 2' });
});

test('the probe says "here" in a shell of this machine and namespace, and asks getent anywhere else', () => {
  const here = hereIdentity();
  if (!here) return; // no /proc here to tell
  const sh = (script: string) => spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  assert.equal(sh(localhostProbe(here)).stdout, 'here\n');
  const elsewhere = sh(localhostProbe("another-boot mnt:[1] it's"));
  assert.notEqual(elsewhere.stdout, 'here\n');
  assert.match(elsewhere.stdout, /STREAM|no-getent/);
});

class Answers implements Prober {
  constructor(private readonly answers: Record<string, ProbeOutput>) {}
  async probe(key: string): Promise<ProbeOutput> {
    return this.answers[key] ?? probe('', 1);
  }
}

test('the check reads the config in force and the resolution on the gateway', async () => {
  const profile = resolveProfile({ root: '/sandbox' }, false);
  const config = probe(`mode=644\n${Buffer.from(factoryConfig(18830)).toString('base64')}`);
  const run = (localhost: ProbeOutput) =>
    brokerLocalhost.run({ prober: new Answers({ config, localhost }), profile, token: 'tok' });
  const [remote] = await run(probe('::1 STREAM localhost\n127.0.0.1 STREAM\n'));
  assert.equal(remote?.status, 'warn');
  assert.match(remote?.hint ?? '', /listener 18830 ::1/);
  const [termux] = await run(probe('no-getent\n'));
  assert.equal(termux?.status, 'pass');
  const [slow] = await run(probe('', null, { timedOut: true }));
  assert.equal(slow?.status, 'warn');
  // the local target: this process resolves it, in getaddrinfo's order
  const [local] = await run(probe('here\n'));
  assert.match(local?.detail ?? '', /\(getaddrinfo/);
  const [none] = await brokerLocalhost.run({ prober: new Answers({}), profile, token: 'tok' });
  assert.equal(none?.status, 'warn');
});

test('in Polish, the warning and its hint hold no English', async (t) => {
  await setLanguage('pl');
  t.after(() => setLanguage('en'));
  const outcome = judge(factoryConfig(1883), V6_FIRST);
  const text = `${outcome.detail}\n${outcome.hint}\n${judge(factoryConfig(1883), V4_FIRST).detail}`;
  assert.deepEqual(englishWords(text), [], englishLines(text).join('\n'));
  assert.match(outcome.detail, /::1/);
});
