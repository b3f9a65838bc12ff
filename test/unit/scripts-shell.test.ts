import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// The project's scripts run their commands through one zx `$` (scripts/lib/shell.js), and zx runs each as
// `bash -c`. The CI's rc files print and sleep 20 s (test/fixtures/hostile-rc): none may be read. Debian's
// bash reads ~/.bashrc when SHLVL is unset (as under `env -i`) and its stdin is a socket (Node's 'pipe') or
// SSH_CLIENT is set; every bash reads $BASH_ENV. This test sets all of that up, with a fast rc file.
test("the scripts' shell reads no rc file: a command's stdout is its own", async (t) => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'gmt-rc-'));
  const marker = path.join(home, 'rc-file-was-read');
  const rc = `echo NOISE-FROM-AN-RC-FILE\ntouch '${marker}'\n`;
  writeFileSync(path.join(home, '.bashrc'), rc);
  writeFileSync(path.join(home, 'env.sh'), rc);
  const hostile: Record<string, string | undefined> = {
    HOME: home,
    SHLVL: undefined,
    BASH_ENV: path.join(home, 'env.sh'),
    ENV: path.join(home, 'env.sh'),
    SSH_CLIENT: '192.0.2.9 50000 22',
  };
  const saved = Object.fromEntries(Object.keys(hostile).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  t.after(() => {
    apply(saved);
    rmSync(home, { recursive: true, force: true });
  });
  apply(hostile);

  // The trap is real: a plain bash here reads the rc file.
  spawnSync('bash', ['-c', 'true'], { stdio: 'ignore' });
  assert.ok(existsSync(marker), 'a plain bash -c read the rc file');
  rmSync(marker);

  // Imported now: the module takes its environment from this process's when it loads.
  const { $, env } = await import('../../scripts/lib/shell.js');
  const plain = await $`echo hello`;
  assert.equal(plain.stdout, 'hello\n');
  assert.equal(plain.stderr, '');
  const extra = await $({ env: env({ GREETING: 'hi there' }) })`echo "$GREETING"`;
  assert.equal(extra.stdout, 'hi there\n');
  assert.equal(existsSync(marker), false, 'no rc file was read');
});
