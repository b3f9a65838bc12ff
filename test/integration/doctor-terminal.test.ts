import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pty from 'node-pty';
import { CLI, cleanEnv, provisioned } from '../helpers/sandbox.js';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Runs the CLI on a real terminal (a pty of 80 columns) and returns everything it wrote, raw. */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number; raw: string }> {
  return new Promise((resolve) => {
    const term = pty.spawn(process.execPath, [CLI, ...args], { cols: 80, rows: 40, env, name: 'xterm-256color' });
    let raw = '';
    term.onData((data) => {
      raw += data;
    });
    term.onExit(({ exitCode }) => resolve({ code: exitCode, raw }));
  });
}

/**
 * What stays on the screen: a line rewritten in place (carriage return, erase line) keeps its last
 * version only. Enough of a terminal for the doctor's progress line and table.
 */
function screen(raw: string): string[] {
  return raw
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => (line.split(/\r(?:\x1b\[K)?/).at(-1) ?? '').replace(ANSI, ''))
    .filter((line, i, all) => line !== '' || i < all.length - 1);
}

test('doctor on a terminal: one view, WARN in yellow with its own mark, hints in their column, counts last', {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const { CATALOG } = await import('../../src/checks/catalog.js');
  const run = await onTerminal(['doctor', '--root', box.root], cleanEnv({ TERM: 'xterm-256color', NO_COLOR: '' }));
  assert.equal(run.code, 0, run.raw);
  const lines = screen(run.raw);
  // Every check shows once: the live progress line was replaced by the table, not printed before it.
  const rows = lines.map((line) => /^ {2}(?:PASS|WARN|FAIL) +(\S+) /.exec(line)?.[1]).filter((id) => id !== undefined);
  assert.equal(new Set(rows).size, rows.length, lines.join('\n'));
  // bridges and certificates show only where the config has them; broker.reachable only for remote targets
  const always = CATALOG.filter((c: { id: string }) => !['bridge', 'broker.reachable', 'tls.expiry'].includes(c.id));
  for (const check of always) assert.ok(rows.includes(check.id), `${check.id}:\n${lines.join('\n')}`);
  assert.match(run.raw, /checking… \d+\/\d+/, 'progress was shown while the checks ran');
  assert.match(run.raw, /\x1b\[33mWARN/, 'a warning is yellow');
  assert.match(run.raw, /\x1b\[32mPASS/, 'a pass is green');
  const warn = lines.findIndex((line) => /^ {2}WARN +config\.security /.test(line));
  const column = lines[warn]!.indexOf(lines[warn]!.split(/ +/)[3]!);
  const hint = lines.slice(warn + 1).find((line) => line.trimStart().startsWith('->'))!;
  assert.equal(hint.indexOf('->'), column, `the hint starts under the detail:\n${lines.join('\n')}`);
  // Wrapped to the terminal; only a single word longer than the column (a path) may stick out.
  for (const line of lines)
    assert.ok(line.length <= 80 || !line.slice(column).includes(' '), `wrapped to the terminal: ${line}`);
  assert.match(lines.at(-1)!, /^\d+ passed, [1-9]\d* warnings?, 0 failed$/);
});

test('doctor on a terminal in Polish: marks, summary and hints in Polish', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  const run = await onTerminal(['doctor', '--root', box.root], cleanEnv({ LANG: 'pl_PL.UTF-8' }));
  assert.equal(run.code, 0, run.raw);
  const lines = screen(run.raw);
  assert.match(lines.at(-1)!, /^\d+ OK, [1-9]\d* ostrzeże(nie|nia|ń), 0 błędów$/);
  assert.ok(
    lines.some((line) => /^ {2}UWAGA {2}config\.security /.test(line)),
    lines.join('\n'),
  );
  assert.doesNotMatch(lines.join('\n'), /\bpassed\b|\bwarnings\b/);
});
