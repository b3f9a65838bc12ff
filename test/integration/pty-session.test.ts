import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cleanPtyText } from '../../src/pty/ansi.js';
import { PtySession } from '../../src/pty/session.js';

async function shell(file = '/bin/sh', args: string[] = []): Promise<PtySession> {
  return PtySession.open({
    name: 'local',
    file,
    args,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp' },
    setup: [],
    connectTimeoutMs: 5000,
  });
}

test('a framed command returns its exact output and exit status through a real pty', async (t) => {
  const session = await shell();
  t.after(() => session.close());
  const out = await session.run('echo one; echo two >&2; exit 7');
  assert.deepEqual([out.output, out.exitCode, out.timedOut], ['one\ntwo\n', 7, false]);
});

test('colours and other escape codes are stripped; bash with bracketed paste works too', async (t) => {
  const session = await shell('/bin/bash', ['--norc', '--noprofile', '-i']);
  t.after(() => session.close());
  const out = await session.run('printf "\\033[1;31mred\\033[0m \\033]0;title\\007plain\\n"');
  assert.equal(out.output, 'red plain\n');
  assert.equal(cleanPtyText('\x1b[?2004hX\r\n'), 'X\n');
});

test('output without a trailing newline is read exactly', async (t) => {
  const session = await shell();
  t.after(() => session.close());
  const out = await session.run('printf abc');
  assert.deepEqual([out.output, out.exitCode], ['abc', 0]);
});

test('a command printing sentinel-looking text cannot end its frame early', async (t) => {
  const session = await shell();
  t.after(() => session.close());
  const out = await session.run("printf '\\036GME0123456789abcdef:0\\036\\n\\036GMB0000\\036 after\\n'; echo end");
  assert.match(out.output, /after\nend\n$/);
  assert.equal(out.exitCode, 0);
});

test('a command that outlives its timeout is interrupted and the session stays usable', async (t) => {
  const session = await shell();
  t.after(() => session.close());
  const slow = await session.run('sleep 20; echo never', 400);
  assert.equal(slow.timedOut, true);
  assert.equal(slow.exitCode, null);
  assert.ok(slow.ms < 5000);
  const next = await session.run('echo alive');
  assert.deepEqual([next.output, next.exitCode], ['alive\n', 0]);
});

test('commands queued at once run in turn and each gets its own output', async (t) => {
  const session = await shell();
  t.after(() => session.close());
  const outs = await Promise.all([1, 2, 3, 4, 5].map((n) => session.run(`echo n${n}; exit ${n}`)));
  assert.deepEqual(
    outs.map((o) => [o.output, o.exitCode]),
    [1, 2, 3, 4, 5].map((n) => [`n${n}\n`, n]),
  );
});

test('a missing transport program fails to open with a clear error', async () => {
  await assert.rejects(() => shell('/nonexistent/shell'), /no shell answered/);
});

test('a client ending without words we know is tried again (3 times in all), then told in its terms', async (t) => {
  // A stand-in client (a shell script): the first run's words are not known, the second's are; the
  // first try is what node-pty gives when it loses a refused ssh's last line (node-pty#72).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-client-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const client = path.join(dir, 'client');
  const count = path.join(dir, 'runs');
  writeFileSync(
    client,
    `#!/bin/sh\necho x >> '${count}'\n[ "$(wc -l < '${count}')" -gt 1 ] && echo 'ssh: connect to host h port 1: Connection refused' || echo 'Warning: something'\nexit 255\n`,
    { mode: 0o755 },
  );
  const spec = {
    name: 'ssh://u@h:1',
    file: client,
    args: [],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    setup: [],
    connectTimeoutMs: 5000,
    client: { kind: 'ssh' as const, user: 'u', port: 1 },
  };
  await assert.rejects(PtySession.open(spec), /refused the connection/);
  assert.equal(readFileSync(count, 'utf8'), 'x\nx\n', 'two runs');
  writeFileSync(count, '');
  writeFileSync(client, `#!/bin/sh\necho x >> '${count}'\necho 'Warning: something'\nexit 255\n`, { mode: 0o755 });
  await assert.rejects(PtySession.open(spec), /the connection to ssh:\/\/u@h:1 closed: Warning: something/);
  assert.equal(readFileSync(count, 'utf8'), 'x\nx\nx\n', 'three tries, not more');
});
