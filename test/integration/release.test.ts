import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type CliResult, cleanEnv, PROJECT, parseJson, sandbox } from '../helpers/sandbox.js';

/** Runs an installed gate-mqtt (not the project's bin/) with a clean environment. */
function installedCli(bin: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('the release file installs with no registry and no compiler; provision and doctor run from it', {
  timeout: 300_000,
}, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-release-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const packed = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/release.js'), dir, '--no-build'], {
    encoding: 'utf8',
    cwd: PROJECT,
  });
  assert.equal(packed.status, 0, packed.stderr);
  const file = packed.stdout.split('\n')[0]!;
  assert.ok(existsSync(file), packed.stdout);
  // An empty prefix and cache, and a registry nobody answers on: everything must come from the file.
  const prefix = path.join(dir, 'prefix');
  const npmEnv = {
    ...cleanEnv({ npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: path.join(dir, 'cache') }),
    HOME: dir,
  };
  const install = spawnSync(
    'npm',
    ['install', '-g', file, '--offline', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel', 'error'],
    { encoding: 'utf8', env: npmEnv, timeout: 240_000 },
  );
  assert.equal(install.status, 0, install.stderr + install.stdout);
  const bin = path.join(prefix, 'lib/node_modules/gate-mqtt/bin/gate-mqtt.js');
  assert.ok(existsSync(path.join(prefix, 'bin/gate-mqtt')), 'the gate-mqtt command is installed');
  assert.equal(
    existsSync(path.join(prefix, 'lib/node_modules/gate-mqtt/node_modules/node-pty/build')),
    false,
    'node-pty is not there: the install did not need a compiler',
  );
  const box = await sandbox(t);
  const provision = await installedCli(
    bin,
    ['provision', '--root', box.root, '--port', String(box.port), '--json'],
    cleanEnv(),
  );
  assert.equal(provision.code, 0, provision.stdout + provision.stderr);
  const doctor = await installedCli(bin, ['doctor', '--root', box.root, '--json'], cleanEnv());
  const result = parseJson<{ pty?: string; checks: { id: string; status: string }[] }>(doctor);
  assert.equal(result.pty, 'script', 'without node-pty the terminal comes from util-linux script, and doctor says so');
  assert.equal(result.checks.find((c) => c.id === 'broker.roundtrip')?.status, 'pass');
  assert.equal(doctor.code, 0, doctor.stdout);
});
