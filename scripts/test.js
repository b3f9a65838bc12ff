#!/usr/bin/env node
// Runs the whole suite with node's own test runner: builds first (the tests drive the real CLI in
// dist/), then every test/**/*.test.ts through tsx. Two at a time: the machines have 2 cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { missingPackages } from './system-deps.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// The tests run the real mosquitto and OpenSSH: bring them in on a fresh Debian machine (as root).
const missing = missingPackages();
if (missing.length) {
  const apt = ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`The tests need these Debian packages: ${missing.join(' ')}\nInstall them with: sudo ${apt.join(' ')}`);
    process.exit(4);
  }
  console.error(`Installing the packages the tests use: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env }).status !== 0 || spawnSync(apt[0], apt.slice(1), { stdio: 'inherit', env }).status !== 0) process.exit(4);
}
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

const only = process.argv.slice(2);
const files = only.length ? only : testFiles(path.join(root, 'test'));
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
