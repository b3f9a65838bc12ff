import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/commands.js';
import { parsePort } from '../../src/cli/options.js';
import { GateError } from '../../src/model/errors.js';
import { cli } from '../helpers/in-process.js';

test('every command of the contract is in the table, once', () => {
  const paths = COMMANDS.map((c) => c.path.join(' '));
  for (const name of [
    'provision',
    'doctor',
    'status',
    'logs',
    'config show',
    'config validate',
    'config apply',
    'config edit',
    'config backups',
    'config restore',
    'bridge add supla',
    'bridge list',
    'bridge remove',
    'reset',
  ]) {
    assert.ok(paths.includes(name), name);
  }
  assert.equal(new Set(paths).size, paths.length);
});

test('commands that change the device take --dry-run where the contract says so', () => {
  for (const def of COMMANDS.filter((c) => c.needsDevice && c.path[0] !== 'config')) {
    assert.ok(def.options.includes('dry-run'), def.path.join(' '));
  }
});

test('--version and -v print the version; --help and help list every command', async () => {
  for (const flag of ['--version', '-v']) {
    const version = await cli([flag]);
    assert.deepEqual([version.code, /^\d+\.\d+\.\d+\n$/.test(version.stdout)], [0, true], flag);
  }
  // help asked anywhere, even after a command word, lists every command (not only that command's branch)
  for (const words of [['--help'], ['help'], ['-h', 'status'], ['--root', '/tmp', '--help', 'status']]) {
    const help = await cli(words);
    assert.equal(help.code, 0, words.join(' '));
    for (const def of COMMANDS) assert.match(help.stdout, new RegExp(`\\n  ${def.path[0]}\\b`), def.path.join(' '));
  }
});

test('each command has its own help: every option described, and an example', async () => {
  for (const def of COMMANDS) {
    const help = await cli([...def.path, '--help']);
    assert.equal(help.code, 0, def.path.join(' '));
    assert.match(help.stdout, new RegExp(`^Usage: gate-mqtt ${def.path.join(' ')} `), def.path.join(' '));
    for (const option of def.options) assert.match(help.stdout, new RegExp(`--${option}\\b.* \\w`), option);
    assert.ok(def.examples.length > 0, def.path.join(' '));
    for (const example of def.examples) assert.ok(help.stdout.includes(example), example);
  }
  const viaHelp = await cli(['help', 'config', 'apply']);
  assert.equal(viaHelp.stdout, (await cli(['config', 'apply', '--help'])).stdout);
});

test('a group alone names its subcommands in one error line with an example, exit 2', async () => {
  for (const [group, subs] of [
    ['config', 'show, validate, apply, edit, backups, restore'],
    ['bridge', 'add, list, remove'],
  ] as const) {
    const run = await cli([group]);
    assert.equal(run.code, 2, group);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      new RegExp(`^error: gate-mqtt ${group} needs a command: ${subs}\\nhint: e\\.g\\. gate-mqtt ${group} \\S.*\\n$`),
    );
  }
});

test('typos get "did you mean", one line and a hint, exit 2', async () => {
  for (const [words, suggestion] of [
    [['provison'], 'gate-mqtt provision'],
    [['docter'], 'gate-mqtt doctor'],
    [['config', 'aply'], 'gate-mqtt config apply'],
    [['status', '--jsn'], '--json'],
    [['provision', '--dry-rn'], '--dry-run'],
  ] as const) {
    const run = await cli([...words]);
    assert.equal(run.code, 2, words.join(' '));
    assert.match(run.stderr, /^error: .+\nhint: did you mean (.+)\?\n$/, words.join(' '));
    assert.ok(run.stderr.includes(`did you mean ${suggestion}?`), words.join(' '));
  }
});

test('wrong options and arguments are exit 2 with our own words, not the parser internals', async () => {
  const port = await cli(['doctor', '--port', '-1']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /^error: --port must be a whole number 1-65535, not "-1"\n/);
  const foreign = await cli(['status', '--fix']);
  assert.equal(foreign.code, 2);
  assert.match(foreign.stderr, /^error: gate-mqtt status does not take --fix\nhint: see: gate-mqtt status --help\n$/);
  assert.equal((await cli(['config', 'apply'])).code, 2);
  assert.equal((await cli(['bridge', 'remove', 'a', 'b'])).code, 2);
  const json = await cli(['provision', '--bogus', '--json']);
  assert.equal(json.code, 2);
  assert.equal((JSON.parse(json.stdout) as { error: { code: number } }).error.code, 2);
  for (const run of [port, foreign]) assert.doesNotMatch(run.stderr, /positional|ambiguous|commander/i);
  // global options with values before the command: the hint still names the command
  const after = await cli(['--root', '/tmp', 'status', '--bogus']);
  assert.equal(after.code, 2);
  assert.match(after.stderr, /hint: see: gate-mqtt status --help\n$/);
  // options of a site without a site are refused, not ignored
  const root = mkdtempSync(join(tmpdir(), 'gmu-'));
  try {
    const alone = await cli(['status', '--root', root, '--concurrency', '4']);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /^error: --concurrency goes with --inventory or --target\n/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a password on the command line is refused before anything runs', async () => {
  const run = await cli(['bridge', 'add', 'supla', '--password', 'hunter2', '--json']);
  assert.equal(run.code, 2);
  const doc = JSON.parse(run.stdout) as { error: { message: string } };
  assert.match(doc.error.message, /never taken on the command line/);
  assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
});

test('outside Termux without --root, commands that read or change the device exit 4', async () => {
  const run = await cli(['provision', '--json']);
  assert.equal(run.code, 4);
  const doc = JSON.parse(run.stdout) as { command: string; ok: boolean; error: { code: number } };
  assert.deepEqual([doc.command, doc.ok, doc.error.code], ['provision', false, 4]);
  for (const words of [['status'], ['logs'], ['config', 'show'], ['config', 'backups'], ['bridge', 'list']]) {
    const refused = await cli(words);
    assert.equal(refused.code, 4, words.join(' '));
    assert.match(refused.stderr, /^error: this is not a Termux gateway.*\nhint: run with --root DIR/, words.join(' '));
  }
});

test('a bug is exit 70: one line saying so, a hint naming the log file, the stack in that file', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'gmu-bug-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  // status keeps no run log: the stack goes to the log file of its command all the same
  const run = await cli(['status', '--root', root], { GATE_MQTT_BUG_AT: 'command:status' });
  assert.equal(run.code, 70);
  const log = join(root, 'data/data/com.termux/files/usr/var/log/gate-mqtt/status.log');
  assert.equal(
    run.stderr,
    `error: internal error: a bug planted at command:status (GATE_MQTT_BUG_AT), please report it\nhint: the details are in ${log}\n`,
  );
  assert.match(readFileSync(log, 'utf8'), /\[status\]\s+TypeError: a bug planted at command:status/);
  const json = await cli(['status', '--root', root, '--json'], { GATE_MQTT_BUG_AT: 'command:status' });
  assert.equal(json.code, 70);
  assert.equal((JSON.parse(json.stdout) as { error: { code: number } }).error.code, 70);
});

test('every bad value is exit 2 with one error line and a hint line, before anything runs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gmu-bad-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const empty = join(dir, 'empty.ini');
  writeFileSync(empty, '# no hosts here\n');
  for (const args of [
    ['logs', '-n', 'abc', '--root', dir],
    ['logs', '--lines', '-1', '--root', dir],
    ['provision', '--port', '0', '--root', dir],
    ['doctor', '--target', 'ssh://', '--root', dir],
    ['doctor', '--target', 'ssh://-oProxyCommand=x@gw'],
    ['status', '--inventory', empty],
    ['status', '--inventory', join(dir, 'missing.ini')],
    ['doctor', '--concurrency', '0', '--inventory', empty],
    ['--lang', 'de', 'status'],
    [
      'bridge',
      'add',
      'supla',
      '--id',
      'a b',
      '--address',
      'x:1',
      '--username',
      'u',
      '--password-file',
      '/dev/null',
      '--root',
      dir,
    ],
  ]) {
    const run = await cli(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /^error: [^\n]+\nhint: [^\n]+\n$/, args.join(' '));
  }
});

test('Polish from --lang pl or a pl_* locale; JSON keys and exit codes stay the same', async () => {
  const flag = await cli(['--lang', 'pl', 'docter']);
  assert.equal(flag.code, 2);
  assert.equal(flag.stderr, 'błąd: nieznane polecenie „docter”\nwskazówka: czy chodziło o gate-mqtt doctor?\n');
  const locale = await cli(['status'], { LANG: 'pl_PL.UTF-8' });
  assert.equal(locale.code, 4);
  assert.match(locale.stderr, /^błąd: to nie jest bramka z Termuksem/);
  const help = await cli(['config', 'apply', '--help'], { LC_ALL: 'pl_PL.UTF-8' });
  assert.match(help.stdout, /^Użycie: gate-mqtt config apply/);
  assert.match(help.stdout, /\n {2}--dry-run +\S/);
  const english = await cli(['status'], { LANG: 'pl_PL.UTF-8', LC_ALL: 'C' });
  assert.match(english.stderr, /^error: /);
  const json = await cli(['provision', '--json', '--lang', 'pl']);
  const doc = JSON.parse(json.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(doc), ['command', 'ok', 'changed', 'steps', 'error']);
  assert.equal(json.code, 4);
  assert.equal((await cli(['--lang', 'de', 'status'])).code, 2);
});

test('ports are whole numbers 1-65535', () => {
  assert.equal(parsePort(undefined, 1883), 1883);
  assert.equal(parsePort('8883', 1883), 8883);
  for (const bad of ['0', '65536', '-1', '1e3', ' 1', 'abc']) assert.throws(() => parsePort(bad, 1), GateError, bad);
});

test('bash completion completes commands, subcommands and options in a real bash', async () => {
  const script = (await cli(['completion', 'bash'])).stdout;
  const dir = mkdtempSync(join(tmpdir(), 'gmt-completion-'));
  try {
    writeFileSync(join(dir, 'completion.bash'), script);
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const probe = [
        `source ${join(dir, 'completion.bash')}`,
        `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}`,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}, not a template
        '_gate_mqtt; printf "%s\\n" "${COMPREPLY[@]}"',
      ].join('\n');
      const run = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', probe], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return run.stdout.split('\n').filter(Boolean);
    };
    assert.deepEqual(complete('gate-mqtt pro'), ['provision']);
    assert.deepEqual(complete('gate-mqtt config a'), ['apply']);
    assert.deepEqual(complete('gate-mqtt bridge add s'), ['supla']);
    assert.deepEqual(complete('gate-mqtt config apply --dry'), ['--dry-run']);
    assert.deepEqual(complete('gate-mqtt --lang '), ['pl', 'en']);
    assert.deepEqual(complete('gate-mqtt status --fi'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const unknown = await cli(['completion', 'fish']);
  assert.equal(unknown.code, 2);
});
