import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeBridges } from '../../src/checks/bridges.js';
import { judgeListening } from '../../src/checks/broker-listening.js';
import { judgeReachable } from '../../src/checks/broker-reachable.js';
import { judgeRoundTrip } from '../../src/checks/broker-roundtrip.js';
import { judgeConfigPresent } from '../../src/checks/config-present.js';
import { judgeConfigSecurity } from '../../src/checks/config-security.js';
import { judgeConfigValid } from '../../src/checks/config-valid.js';
import { judgeDisk } from '../../src/checks/disk-space.js';
import { judgeLog } from '../../src/checks/log-errors.js';
import { judgeMosquittoInstalled } from '../../src/checks/mosquitto-installed.js';
import { judgeMosquittoVersion } from '../../src/checks/mosquitto-version.js';
import { judgePm2 } from '../../src/checks/pm2-process.js';
import { clientFailure, configFacts } from '../../src/checks/shared.js';
import { judgeStartup } from '../../src/checks/startup-registered.js';
import { factoryConfig } from '../../src/config/factory.js';
import { analyzeText } from '../../src/config/load.js';
import { probe } from '../helpers/unit-context.js';

const FILE = '/p/etc/mosquitto/mosquitto.conf';
const read = (text: string, mode = 0o644) => ({ state: 'read' as const, mode, text, model: analyzeText(text, FILE) });
const jlist = (processes: unknown[]) => `now=1000\n${JSON.stringify(processes)}`;
const mqtt = (status: string, extra: Record<string, unknown> = {}) => ({
  name: 'mqtt',
  pid: 42,
  pm2_env: { status, restart_time: 3, pm_uptime: 940_000, ...extra },
});

test('mosquitto.installed passes with the path the probe found and fails without one', () => {
  assert.deepEqual(judgeMosquittoInstalled(probe('path=/p/bin/mosquitto\nmosquitto version 2.0.11')), {
    id: 'mosquitto.installed',
    status: 'pass',
    detail: '/p/bin/mosquitto',
    hint: null,
  });
  const missing = judgeMosquittoInstalled(probe('', 1));
  assert.equal(missing.status, 'fail');
  assert.match(missing.hint ?? '', /gate-mqtt provision/);
});

test('mosquitto.version passes at or above the floor, fails below it and when unreadable', () => {
  assert.equal(judgeMosquittoVersion(probe('mosquitto version 2.0.11-1.2+deb12u2')).status, 'pass');
  assert.match(judgeMosquittoVersion(probe('mosquitto version 1.6.9')).detail, /1\.6\.9 is older than 2\.0\.0/);
  assert.equal(judgeMosquittoVersion(probe('garbage')).status, 'fail');
});

test('the config probe decodes a base64 file, a missing file and binary garbage', () => {
  const text = factoryConfig();
  const ok = configFacts(probe(`mode=600\n${Buffer.from(text).toString('base64')}`), FILE);
  assert.equal(ok.state, 'read');
  assert.equal(ok.state === 'read' && ok.mode, 0o600);
  assert.equal(ok.state === 'read' && ok.text, text);
  assert.deepEqual(configFacts(probe('missing', 1), FILE), { state: 'missing' });
  const binary = configFacts(probe(`mode=644\n${Buffer.from([0x7f, 0, 1, 0xff]).toString('base64')}`), FILE);
  assert.equal(binary.state, 'unreadable');
  assert.deepEqual(configFacts(probe('', null, { timedOut: true }), FILE), {
    state: 'unreadable',
    reason: 'timed out',
  });
});

test('config.present fails only when the file does not exist', () => {
  assert.equal(judgeConfigPresent({ state: 'missing' }, FILE).status, 'fail');
  assert.equal(judgeConfigPresent(read(factoryConfig()), FILE).status, 'pass');
  assert.equal(judgeConfigPresent({ state: 'unreadable', reason: 'x' }, FILE).status, 'pass');
});

test('config.valid names the first error with its file and line, and counts the rest', () => {
  const bad = judgeConfigValid(read('listener 1883\nallow_anonymous maybe\nbogus 1\n'), FILE);
  assert.equal(bad.status, 'fail');
  assert.match(bad.detail, /mosquitto\.conf:2: allow_anonymous must be true or false.*\(and 1 more\)/);
  assert.match(judgeConfigValid(read(factoryConfig()), FILE).detail, /^1 listener, 0 bridges$/);
  assert.equal(judgeConfigValid({ state: 'unreadable', reason: 'binary' }, FILE).status, 'fail');
  assert.equal(judgeConfigValid({ state: 'missing' }, FILE).status, 'fail');
});

test('config.security warns about the open factory config and passes a loopback or password-only one', () => {
  const open = judgeConfigSecurity(read(factoryConfig(1883)));
  assert.equal(open.status, 'warn');
  assert.match(open.detail, /anonymous clients are allowed on 0\.0\.0\.0:1883/);
  assert.equal(judgeConfigSecurity(read('listener 1883 127.0.0.1\nallow_anonymous true\n')).status, 'pass');
  assert.equal(judgeConfigSecurity(read('listener 1883\nallow_anonymous false\npassword_file /p\n')).status, 'pass');
});

test('config.security fails a config with a password that other apps can read, without showing it', () => {
  const text = 'listener 1883 127.0.0.1\nconnection b\naddress h:1\nremote_password hunter2\n';
  const loose = judgeConfigSecurity(read(text, 0o644));
  assert.equal(loose.status, 'fail');
  assert.doesNotMatch(JSON.stringify(loose), /hunter2/);
  assert.equal(judgeConfigSecurity(read(text, 0o600)).status, 'pass');
});

test('pm2.process passes an online broker with its uptime from the probe clock', () => {
  const out = judgePm2(probe(jlist([mqtt('online')])));
  assert.equal(out.status, 'pass');
  assert.equal(out.detail, 'online, pid 42, up 60 s, 3 restarts');
});

test("pm2.process from pm2's files and /proc: online with its uptime, no restart count claimed", () => {
  // started 500 ticks (5 s) after boot; the machine is up 65 s: the broker runs for 60 s
  const out = judgePm2(probe('now=1000\npm2-files id=0 pid=42 start=500 uptime=65.25'));
  assert.equal(out.status, 'pass');
  assert.equal(out.detail, 'online, pid 42, up 60 s');
});

test('pm2.process tells a dead daemon, a missing process, a stopped one and a crash loop apart', () => {
  assert.match(judgePm2(probe('now=1\nno-daemon')).detail, /no daemon/);
  assert.match(judgePm2(probe(jlist([{ name: 'other', pm2_env: { status: 'online' } }]))).detail, /no process "mqtt"/);
  assert.equal(judgePm2(probe(jlist([mqtt('stopped')]))).detail, '"mqtt" is stopped');
  for (const status of ['waiting restart', 'errored', 'launching']) {
    assert.match(judgePm2(probe(jlist([mqtt(status)]))).detail, /crash loop/);
  }
  assert.match(judgePm2(probe('garbage', 0, { timedOut: true })).detail, /cannot read .*\(timed out\)/);
});

test('pm2.process reads the list after "Spawning PM2 daemon" chatter', () => {
  const spawning = '[PM2] Spawning PM2 daemon with pm2_home=/x\n[PM2] PM2 Successfully daemonized';
  const chatter = `now=1000\n${spawning}\n${JSON.stringify([mqtt('online')])}`;
  assert.equal(judgePm2(probe(chatter)).status, 'pass');
});

test('startup.registered needs an executable hook and mqtt in the dump', () => {
  const dump = Buffer.from(JSON.stringify([{ name: 'mqtt' }])).toString('base64');
  assert.equal(judgeStartup(probe(`hook=exec\ndump=present\n${dump}`)).status, 'pass');
  assert.match(judgeStartup(probe(`hook=noexec\ndump=present\n${dump}`)).detail, /not executable/);
  assert.match(judgeStartup(probe('hook=missing\ndump=missing')).detail, /no Termux:Boot hook/);
  const other = Buffer.from(JSON.stringify([{ name: 'web' }])).toString('base64');
  assert.match(judgeStartup(probe(`hook=exec\ndump=present\n${other}`)).detail, /does not hold "mqtt"/);
  assert.equal(judgeStartup(probe('hook=exec\ndump=present\n!!!')).status, 'fail');
});

test('broker.listening reads the broker probe: an answer, a refusal or a lost round trip is listening', () => {
  assert.equal(judgeListening(probe('got=tok'), '127.0.0.1', 1883).detail, '127.0.0.1:1883 answers');
  const refused = judgeListening(probe('Connection error: Connection Refused: not authorised.', 5), 'h', 1);
  assert.equal(refused.status, 'pass');
  assert.match(refused.detail, /anonymous clients refused/);
  assert.match(
    judgeListening(probe('got=Timed out', 27), 'h', 1).detail,
    /accepts connections .* see broker\.roundtrip/,
  );
  assert.equal(judgeListening(probe('no-client', 127), 'h', 1).status, 'warn');
  assert.match(judgeListening(probe('', null, { timedOut: true }), 'h', 1).detail, /timed out/);
  assert.equal(
    judgeListening(probe('got=Error: Connection refused', 1), 'h', 1).detail,
    'nothing answers on h:1: the connection was refused (no program listens on that port)',
  );
});

test('broker.roundtrip passes only when the payload came back', () => {
  assert.equal(judgeRoundTrip(probe('got=abc123'), 'abc123').status, 'pass');
  assert.equal(judgeRoundTrip(probe('got=other'), 'abc123').status, 'fail');
  assert.equal(judgeRoundTrip(probe('Connection Refused: not authorised.', 5), 'x').status, 'warn');
  assert.equal(judgeRoundTrip(probe('no-client', 127), 'x').status, 'warn');
  assert.match(judgeRoundTrip(probe('', null, { timedOut: true }), 'x').detail, /timed out/);
});

test('bridges: one outcome per bridge, connected from $SYS, the log line when not', () => {
  const model = analyzeText('listener 1\nconnection up\naddress a:1\nconnection down\naddress b:2\n', FILE);
  const out = probe(
    '$SYS/broker/connection/host.up/state 1\n$SYS/broker/connection/host.down/state 0\n--log--\n' +
      '1700000000: Connecting bridge down (b:2)\n1700000001: Socket error on client down, disconnecting.',
  );
  const [up, down] = judgeBridges(out, model.bridges);
  assert.deepEqual([up?.id, up?.status], ['bridge.up', 'pass']);
  assert.deepEqual([down?.id, down?.status], ['bridge.down', 'fail']);
  assert.match(down?.detail ?? '', /not connected to b:2; log: Socket error on client down/);
  const unknown = judgeBridges(probe('--log--\n'), model.bridges);
  assert.match(unknown[0]?.detail ?? '', /no state published yet/);
});

test('a bridge name with regex characters matches only itself', () => {
  const model = analyzeText('listener 1\nconnection a.b+\naddress a:1\n', FILE);
  assert.equal(judgeBridges(probe('$SYS/broker/connection/x.aXb+/state 1\n--log--'), model.bridges)[0]?.status, 'fail');
  assert.equal(judgeBridges(probe('$SYS/broker/connection/x.a.b+/state 1\n--log--'), model.bridges)[0]?.status, 'pass');
});

test('disk.space reads df -Pk and fails below 20 MiB', () => {
  const df = (kib: number) => `/dev/x 100 1 ${kib} 1% /p`;
  assert.equal(judgeDisk(probe(df(500_000))).detail, '488 MiB free');
  assert.equal(judgeDisk(probe(df(10_000))).status, 'fail');
  assert.equal(judgeDisk(probe('df: no such file')).status, 'warn');
});

test('log.errors warns about errors of the last hour only', () => {
  const now = 1_700_003_600;
  assert.equal(judgeLog(probe(`now=${now}\n1700000000: Error: old one`)).detail, 'no errors in the last hour');
  const recent = judgeLog(probe(`now=${now}\n1700003500: Error: Address already in use`));
  assert.equal(recent.status, 'warn');
  assert.match(recent.detail, /last: Error: Address already in use/);
  assert.equal(judgeLog(probe(`now=${now}\n`)).detail, 'no errors in the broker log');
});

test('broker.reachable: an answer or a refusal passes; refused connections fail, timeouts warn', () => {
  assert.equal(judgeReachable({ ok: true, ms: 5 }, 'gw', 1883).status, 'pass');
  assert.equal(judgeReachable({ ok: false, reason: 'not authorised', refused: true }, 'gw', 1883).status, 'pass');
  assert.equal(judgeReachable({ ok: false, reason: 'connect ECONNREFUSED gw:1883' }, 'gw', 1883).status, 'fail');
  assert.equal(judgeReachable({ ok: false, reason: 'no answer within 5000 ms' }, 'gw', 1883).status, 'warn');
});

test("the clients' failures in our words: known ones named, others quoted, none empty", () => {
  assert.equal(
    clientFailure('got=Error: Connection refused\n'),
    'the connection was refused (no program listens on that port)',
  );
  assert.equal(clientFailure('got=Error: No route to host'), 'the address cannot be reached (no route)');
  assert.equal(clientFailure('Warning: x\ngot=Lookup error.'), 'the host name does not resolve');
  assert.equal(clientFailure('got=Error: something new'), 'the client said: "something new"');
  assert.equal(clientFailure('got=\n'), 'the client ended without a message');
  assert.equal(clientFailure(''), 'the client ended without a message');
});
