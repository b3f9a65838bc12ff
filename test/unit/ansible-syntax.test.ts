import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandHostPattern, expandRanges, pythonValue, shlexSplit } from '../../src/fleet/ansible-syntax.js';
import { splitPattern } from '../../src/fleet/patterns.js';
import { visible } from '../../src/ui/visible.js';

// Expectations are Python's and ansible-core 2.14's answers for the same input (shlex.split(…,
// comments=True), InventoryModule._parse_value, expand_hostname_range, InventoryManager's split).

test("shlex words as Python's shlex splits them (comments, quotes, escapes)", () => {
  assert.deepEqual(shlexSplit('a "b c" d'), ['a', 'b c', 'd']);
  assert.deepEqual(shlexSplit("k='v w' # c"), ['k=v w']);
  assert.deepEqual(shlexSplit('x\\ y'), ['x y']);
  assert.deepEqual(shlexSplit('a"b"c'), ['abc']);
  assert.deepEqual(shlexSplit('"a\\"b"'), ['a"b']);
  assert.throws(() => shlexSplit("k='open"), /No closing quotation/);
});

test("values as ast.literal_eval reads them, else the text (Ansible's _parse_value)", () => {
  const cases: Array<[string, unknown]> = [
    ['"root"', 'root'],
    ["'22'", '22'],
    ['22', 22],
    ['0755', '0755'],
    ['1_000', 1000],
    ['0x1f', 31],
    ['-3', -3],
    ['3.5', 3.5],
    ['True', true],
    ['None', null],
    ['[1, 2]', [1, 2]],
    ["{'a': [1, 'x']}", { a: [1, 'x'] }],
    ['"a""b"', 'ab'],
    ['a b', 'a b'],
    ['yes', 'yes'],
    ["'it''", "'it''"],
  ];
  for (const [text, value] of cases) assert.deepEqual(pythonValue(text), value, text);
});

test('host patterns: ranges (padded, stepped, letters, several) and :port', () => {
  assert.deepEqual(expandRanges('gw[01:10:3]'), ['gw01', 'gw04', 'gw07', 'gw10']);
  assert.deepEqual(expandRanges('n[a:c]'), ['na', 'nb', 'nc']);
  assert.deepEqual(expandRanges('x[1:2]y[a:b]'), ['x1ya', 'x1yb', 'x2ya', 'x2yb']);
  assert.deepEqual(expandHostPattern('db:2201'), { names: ['db'], port: 2201 });
  assert.deepEqual(expandHostPattern('[fd00::5]:22'), { names: ['fd00::5'], port: 22 });
  assert.deepEqual(expandHostPattern('fd00::5'), { names: ['fd00::5'] });
  assert.deepEqual(expandHostPattern('gw[1:2]:8022'), { names: ['gw1', 'gw2'], port: 8022 });
  assert.throws(() => expandRanges('gw[01:100]'), /equal-length/);
});

test('--limit splits at commas, else at colons outside brackets; an IPv6 address stays whole', () => {
  assert.deepEqual(splitPattern('a:b:&c:!d'), ['a', 'b', '&c', '!d']);
  assert.deepEqual(splitPattern('a,b:c'), ['a', 'b:c']);
  assert.deepEqual(splitPattern('hall[1:2]'), ['hall[1:2]']);
  assert.deepEqual(splitPattern('fd00::5'), ['fd00::5']);
});

test('text from a file reaches a terminal with its control characters escaped', () => {
  assert.equal(visible('gw\x1b[31m-red\u202e'), 'gw\\x1b[31m-red\\u{202e}');
  assert.equal(visible('zażółć gęślą'), 'zażółć gęślą');
});
