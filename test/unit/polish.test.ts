import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { COMMANDS, GROUPS } from '../../src/cli/commands.js';
import { cli } from '../helpers/in-process.js';
import { emptyMessages, englishLines, englishWords, untranslatedKeys } from '../helpers/polish.js';

const POLISH = { LC_ALL: 'pl_PL.UTF-8' };
const ENGLISH = { LC_ALL: 'C.UTF-8' };

/** What a Polish text must not hold; each failure lists the offending lines, so src/ can be fixed from it. */
function assertPolish(text: string, what: string): void {
  assert.deepEqual(englishWords(text), [], `${what}: English words:\n${englishLines(text).join('\n')}`);
  assert.deepEqual(untranslatedKeys(text), [], `${what}: untranslated messages`);
}

test('englishWords can fail: it finds English in a Polish text, and nothing in a correct one', () => {
  const crafted = 'Użycie: gate-mqtt status\nbroker stopped (got SIGTERM)\nUsage: zobacz pomoc';
  for (const word of ['stopped', 'usage', 'got']) assert.ok(englishWords(crafted).includes(word), word);
  const correct =
    'błąd: wartość „allow_anonymous maybe” w /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf:3 ' +
    'jest błędna (test config.valid)\nwskazówka: popraw ją: gate-mqtt config edit --root /tmp/gw';
  assert.deepEqual(englishWords(correct), []);
  // an English message as t() would print it without its Polish entry
  assert.deepEqual(untranslatedKeys(`Polecenia:\n  config  ${GROUPS.config}\n`), [GROUPS.config]);
  assert.deepEqual(emptyMessages('błąd: mosquitto odrzucił konfigurację: mosquitto: \nwskazówka: x\n'), [
    'błąd: mosquitto odrzucił konfigurację: mosquitto: ',
  ]);
});

// Every help there is: the root, each group, each command, and the help command.
const HELPS: string[][] = [
  ['--help'],
  ['help'],
  ['help', 'config', 'apply'],
  ['completion', '--help'],
  ...Object.keys(GROUPS).map((group) => [...group.split(' '), '--help']),
  ...COMMANDS.map((def) => [...def.path, '--help']),
];

for (const args of HELPS) {
  test(`${args.join(' ')} in Polish has no English left`, async () => {
    const help = await cli(args, POLISH);
    assert.equal(help.code, 0, help.stderr);
    assertPolish(help.stdout, args.join(' '));
    // commander's own words and value names, which do not pass through t() by themselves
    const leftovers = help.stdout.match(/display help|\[(options|command|file|id)\]|<(dir|file|path|n|id|user)>/g);
    assert.deepEqual(leftovers, null, `${args.join(' ')}: ${leftovers}`);
  });
}

const root = mkdtempSync(join(tmpdir(), 'gmu-polish-'));
after(() => rmSync(root, { recursive: true, force: true }));

// Usage errors, each a run that stops before anything happens; values that need one come last.
const USAGE: [string, string[]][] = [
  ['unknown command', ['nosuch']],
  ['command typo', ['config', 'aply']],
  ['unknown option', ['status', '--bogus']],
  ['option of another command', ['status', '--fix']],
  ['-n without its value', ['logs', '--root', root, '-n']],
  ['--lines without its value', ['logs', '--root', root, '--lines']],
  ['--port 0', ['provision', '--root', root, '--port', '0']],
  ['--port abc', ['provision', '--root', root, '--port', 'abc']],
  ['an empty --port', ['provision', '--root', root, '--port', '']],
  ['an empty --root', ['--root', '', 'status']],
  ['--target foo', ['doctor', '--target', 'foo']],
  ['--address without its value', ['bridge', 'add', 'supla', '--root', root, '--address']],
  ['config apply without its file', ['config', 'apply', '--root', root]],
  ['too many arguments', ['bridge', 'remove', 'a', 'b', '--root', root]],
  ['a bad --lang', ['--lang', 'de', 'status']],
  ['a group without its subcommand', ['config']],
  ['help of a command that does not exist', ['help', 'nosuch']],
  ['bridge add supla without --address', ['bridge', 'add', 'supla', '--root', root, '--id', 'g', '--username', 'u']],
];

/** The error and hint lines of a usage error: exactly one of each, neither empty, no placeholder for a command. */
function assertUsage(stderr: string, lang: 'pl' | 'en', what: string): void {
  const [error, hint] = lang === 'pl' ? ['błąd', 'wskazówka'] : ['error', 'hint'];
  const lines = new RegExp(`^${error}: (\\S[^\\n]*)\\n${hint}: (\\S[^\\n]*)\\n$`, 'u').exec(stderr);
  assert.ok(lines, `${what}: not one "${error}:" line and one "${hint}:" line:\n${stderr}`);
  assert.deepEqual(emptyMessages(stderr, lang), [], `${what}: a message ends where its text should be`);
  // "gate-mqtt COMMAND --help": a place for the command that was never filled
  assert.doesNotMatch(lines[2]!, /gate-mqtt (\p{Lu}{2,})\b/u, `${what}: the hint names no command`);
}

for (const [what, args] of USAGE) {
  test(`usage error in Polish: ${what}`, async () => {
    const run = await cli(args, POLISH);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assertUsage(run.stderr, 'pl', what);
    assertPolish(run.stderr, what);
  });
  test(`usage error in English: ${what}`, async () => {
    const run = await cli(args, ENGLISH);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assertUsage(run.stderr, 'en', what);
  });
}
