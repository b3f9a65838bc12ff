import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { judgeKeeper } from '../../src/checks/pm2-keeper.js';
import { analyzeText } from '../../src/config/load.js';
import { setLanguage } from '../../src/i18n/translate.js';
import { definedInterval, isKeeperOf, KEEPER_NAME, keeperDefinition } from '../../src/keeper/definition.js';
import { describeKeeperEvent } from '../../src/keeper/events.js';
import { KEEPER_SCRIPT } from '../../src/keeper/script.js';
import { describeKeeper, parseKeeperState } from '../../src/keeper/state.js';
import { definitionFile } from '../../src/pm2/definition.js';
import { probe, unitContext } from '../helpers/unit-context.js';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const epoch = (isoTime: string) => String(Date.parse(isoTime) / 1000);

test("the keeper's script is valid POSIX sh (dash parses it) and braces no JavaScript could fill", () => {
  const parsed = spawnSync('sh', ['-n', '-c', KEEPER_SCRIPT], { encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  assert.doesNotMatch(KEEPER_SCRIPT, /undefined|\[object /);
});

test('the state file: restarts of the last hour counted, older ones not; the last restart and its reason', () => {
  const state = parseKeeperState(
    [
      'every=60',
      `check=${epoch('2026-12-05T09:59:30Z')}`,
      'fails=0',
      'bridges_down=host.supla,host.b2',
      `restarts=${epoch('2026-12-05T08:30:00Z')}:broker-unanswered ${epoch('2026-12-05T09:40:00Z')}:bridge-down`,
      `last_restart=${epoch('2026-12-05T09:40:00Z')}:bridge-down`,
    ].join('\n'),
    NOW,
  );
  assert.deepEqual(state, {
    checkEvery: 60,
    lastCheck: '2026-12-05T09:59:30.000Z',
    lastRestart: { at: '2026-12-05T09:40:00.000Z', reason: 'bridge-down' },
    restartsLastHour: 1,
    bridgesDown: ['host.supla', 'host.b2'],
  });
  // a state file with nothing in it (or garbage) is no facts, not an error
  assert.deepEqual(parseKeeperState('restarts=x:y\nlast_restart=\n\u0000', NOW), {
    checkEvery: null,
    lastCheck: null,
    lastRestart: null,
    restartsLastHour: 0,
    bridgesDown: [],
  });
});

test('the keeper for people: interval, last check, last restart and why, restarts in the hour (en, pl)', async (t) => {
  const report = {
    status: 'online',
    checkEvery: 60,
    lastCheck: '2026-12-05T09:59:48.000Z',
    lastRestart: { at: '2026-12-05T09:40:00.000Z', reason: 'broker-unanswered' },
    restartsLastHour: 1,
    bridgesDown: [],
  };
  const english = describeKeeper(report, NOW);
  assert.match(english, /^checks every 60 s; last check 12 s ago; last restart .*: the broker did not answer 3 checks/);
  assert.match(english, /; 1 restart in the last hour$/);
  t.after(() => setLanguage('en'));
  await setLanguage('pl');
  assert.doesNotMatch(describeKeeper(report, NOW), /checks|restart in|did not/);
  assert.doesNotMatch(describeKeeperEvent('orphaned'), /daemon that started/);
});

test("the keeper's log lines in words; a line it does not know is shown as it is", () => {
  assert.equal(
    describeKeeperEvent('restart reason=broker-unanswered'),
    'restarting the broker through pm2: the broker did not answer 3 checks in a row',
  );
  assert.equal(describeKeeperEvent('bridge-down names=a.supla,b'), 'bridges down: a.supla, b');
  assert.equal(describeKeeperEvent('broker-answers after=1'), 'the broker answers again after 1 failed check');
  assert.equal(describeKeeperEvent('something else'), 'something else');
});

test('the definition: the interval kept on disk is read back; a keeper is known by its name and state folder', (t) => {
  const { ctx } = unitContext(t);
  const { paths } = ctx.profile;
  const model = analyzeText(
    `listener 1883\npersistence true\npersistence_location ${paths.dataDir}/\nconnection a\naddress 127.0.0.1:1884\n`,
    paths.configFile,
  );
  const definition = keeperDefinition(ctx.profile, { every: 15, target: { host: '127.0.0.1', port: 1883 }, model });
  assert.equal(definedInterval(definitionFile(definition)), 15);
  assert.equal(definedInterval('{"apps":[{"name":"mqtt","args":["-c","x","y","15"]}]}'), undefined, 'not a keeper');
  assert.equal(definedInterval('not json'), undefined);
  const argv = [ctx.profile.shell, ...definition.args];
  assert.ok(isKeeperOf(argv, paths.stateDir));
  assert.ok(!isKeeperOf(argv, `${paths.stateDir}-other`), "another gateway's keeper is not this one's");
  // the database and where a backup stores it, as the backup store would; one bridge to watch
  const at = (name: string) => definition.args[definition.args.indexOf(KEEPER_NAME) + 1 + ORDER.indexOf(name)];
  assert.equal(at('db'), path.join(paths.dataDir, 'mosquitto.db'));
  assert.equal(at('stored'), path.join('files', path.relative(paths.root, path.join(paths.dataDir, 'mosquitto.db'))));
  assert.equal(at('bridges'), '1');
  const off = keeperDefinition(ctx.profile, { every: 60, target: { host: '127.0.0.1', port: 1883 }, model: undefined });
  assert.equal(off.args[off.args.indexOf(KEEPER_NAME) + 1 + ORDER.indexOf('db')], '');
});

/** The keeper's arguments after its name, in the order its script reads them. */
const ORDER = [
  ...['every', 'max', 'dir', 'klog', 'host', 'port', 'ph', 'node', 'pm2'],
  ...['lock', 'blog', 'db', 'backups', 'stored', 'source_json', 'stored_json', 'bridges'],
];

test("the script reads its arguments in the definition's order", () => {
  const head = KEEPER_SCRIPT.slice(0, KEEPER_SCRIPT.indexOf('shift 8'));
  const names = [...head.matchAll(/(\w+)=\$(\d)/g)].map((m) => m[1]);
  assert.deepEqual(names, ORDER);
});

test('doctor: one keeper under pm2 passes; two fail; none or an orphan alone is named; a stale one warned', () => {
  const now = Number(epoch('2026-12-05T10:00:00Z'));
  const out = (lines: string[], check = now - 30) =>
    probe([...lines, 'state every=60', `state check=${check}`, `now=${now}`].join('\n'));
  assert.equal(judgeKeeper(out(['keeper pid=10 daemon=1'])).status, 'pass');
  const two = judgeKeeper(out(['keeper pid=10 daemon=1', 'keeper pid=11 daemon=0']));
  assert.equal(two.status, 'fail');
  assert.match(two.detail, /2 keepers of this gateway run \(pid 10, 11\)/);
  assert.match(two.hint ?? '', /doctor --fix/);
  assert.equal(judgeKeeper(out([])).status, 'warn');
  assert.equal(judgeKeeper(out(['keeper pid=11 daemon=0'])).status, 'fail');
  const stale = judgeKeeper(out(['keeper pid=10 daemon=1'], now - 600));
  assert.equal(stale.status, 'warn');
  assert.match(stale.detail, /has not checked since/);
});
