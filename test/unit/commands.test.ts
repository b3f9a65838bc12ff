import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli.js';
import { parseCommandLine, parsePort } from '../../src/cli-options.js';
import { COMMANDS, findCommand } from '../../src/commands/registry.js';
import { GateError } from '../../src/errors.js';

/** Runs the CLI's entry point in-process, capturing what it writes. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  delete process.env.TERMUX_VERSION;
  delete process.env.PREFIX;
  try {
    const code = await main(args, {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.env = saved;
  }
}

test('every command of the contract is in the table, once', () => {
  const paths = COMMANDS.map((c) => c.path.join(' '));
  for (const name of [
    'provision',
    'doctor',
    'status',
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

test('the longest command path wins and the rest are its arguments', () => {
  assert.deepEqual(findCommand(['config', 'apply', 'x.conf'])?.rest, ['x.conf']);
  assert.equal(findCommand(['config', 'apply'])?.def.path.join(' '), 'config apply');
  assert.equal(findCommand(['bridge', 'add', 'supla'])?.def.needsDevice, true);
  assert.equal(findCommand(['nonsense']), undefined);
});

test('commands that change the device take --dry-run where the contract says so', () => {
  for (const def of COMMANDS.filter(
    (c) => c.needsDevice && c.path[0] !== 'config' && c.path.join(' ') !== 'config edit',
  )) {
    assert.ok(def.options.includes('dry-run'), def.path.join(' '));
  }
});

test('--version prints the version; --help lists every command', async () => {
  const version = await cli(['--version']);
  assert.deepEqual([version.code, /^\d+\.\d+\.\d+\n$/.test(version.stdout)], [0, true]);
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  for (const def of COMMANDS)
    assert.ok(help.stdout.includes(def.usage.split(' ').slice(0, def.path.length).join(' ')), def.path.join(' '));
});

test('no command prints the usage and exits 2; an unknown command exits 2 with a hint', async () => {
  assert.equal((await cli([])).code, 2);
  const unknown = await cli(['provison']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "provison"\nhint: /);
});

test('an option the command does not take, or a wrong number of arguments, is exit 2', async () => {
  assert.match((await cli(['status', '--fix'])).stderr, /gate-mqtt status does not take --fix/);
  assert.equal((await cli(['config', 'apply'])).code, 2);
  assert.equal((await cli(['bridge', 'remove', 'a', 'b'])).code, 2);
  assert.equal((await cli(['provision', '--bogus'])).code, 2);
});

test('a password on the command line is refused before anything runs', async () => {
  const run = await cli(['bridge', 'add', 'supla', '--password', 'hunter2', '--json']);
  assert.equal(run.code, 2);
  const doc = JSON.parse(run.stdout) as { error: { message: string } };
  assert.match(doc.error.message, /never taken on the command line/);
  assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
});

test('provision outside Termux without --root is exit 4 with one JSON document', async () => {
  const run = await cli(['provision', '--json']);
  assert.equal(run.code, 4);
  const doc = JSON.parse(run.stdout) as { command: string; ok: boolean; error: { code: number } };
  assert.deepEqual([doc.command, doc.ok, doc.error.code], ['provision', false, 4]);
});

test('ports are whole numbers 1-65535', () => {
  assert.equal(parsePort(undefined, 1883), 1883);
  assert.equal(parsePort('8883', 1883), 8883);
  for (const bad of ['0', '65536', '-1', '1e3', ' 1', 'abc']) assert.throws(() => parsePort(bad, 1), GateError, bad);
});

test('the parser keeps positionals apart from options and refuses unknown ones', () => {
  const parsed = parseCommandLine(['config', 'apply', 'f', '--json']);
  assert.deepEqual([parsed.positionals, { ...parsed.options }], [['config', 'apply', 'f'], { json: true }]);
  assert.throws(() => parseCommandLine(['--nope']), GateError);
});
