#!/usr/bin/env node
// The test runner: node's own, with tsx for TypeScript. Two tiers:
//   unit         pure parts, no root, no mosquitto or pm2; seconds (test/unit)
//   integration  the real CLI against real mosquitto, pm2, ptys and OpenSSH in sandbox roots (test/integration)
// `node scripts/test.js` runs both; `node scripts/test.js unit|integration [FILE...]` one of them.
// Two test files at a time: the machines have 2 cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createNamespace, deleteNamespace, inNamespace, namespaces, namespacesAvailable } from './netns.js';
import { downloadDebs, missingDebs, missingPackages, TEST_DEBS_DIR } from './system-deps.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

/** The integration tier runs the real mosquitto and OpenSSH: bring them in on a fresh Debian machine (as root). */
function ensureSystemPackages() {
  const missing = missingPackages();
  if (!missing.length) return;
  const apt = ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `The integration tests need these Debian packages: ${missing.join(' ')}\n` +
        `Install them with: sudo ${apt.join(' ')}`,
    );
    process.exit(4);
  }
  console.error(`Installing the packages the tests use: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  if (update.status !== 0 || spawnSync(apt[0], apt.slice(1), { stdio: 'inherit', env }).status !== 0) process.exit(4);
}

/** The package tests install two real builds of the broker from files: fetch them once (as root, with apt). */
function ensureTestDebs() {
  if (!missingDebs().length) return;
  if (process.getuid?.() !== 0 || !downloadDebs()) {
    console.error(
      `The package tests need ${missingDebs().join(' ')} in ${TEST_DEBS_DIR}\n` +
        `Fetch them with: sudo node scripts/system-deps.js --download-debs`,
    );
    process.exit(4);
  }
}

/** The integration tests drive the real CLI in dist/: build it first. */
function build() {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  for (const args of [[tsc, '-p', 'tsconfig.json', '--noEmit'], [path.join(root, 'scripts', 'build.js')]]) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

/**
 * Processes a test left behind (a pm2 daemon or a broker of a sandbox root, /tmp/gmt-*): each test must
 * stop its own, so any found after the tier is a failure. They are killed so they do not pile up.
 */
function leakedProcesses() {
  const marker = `${os.tmpdir()}/gmt-`;
  const leaked = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(marker)) leaked.push(`${pid} ${cmdline.trim()}`);
    } catch {
      // gone, or another user's
    }
  }
  for (const line of leaked) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return leaked;
}

/** Namespaces a test made and did not remove (each test removes its own; they are removed now). */
function leakedNamespaces() {
  const leaked = namespaces().filter((name) => name.startsWith('gmt-t-'));
  for (const name of leaked) deleteNamespace(name);
  return leaked;
}

/**
 * The integration tier runs as a gateway on a home LAN: in a network namespace of its own with loopback
 * and a LAN link (192.168.50.2, fd00:50::2), so what the doctor sees of the network does not depend on
 * this machine's addresses. Needs root; otherwise (the device lane makes its own) the tier runs here.
 */
function run(files, tier) {
  const concurrency = process.env.TEST_CONCURRENCY ?? '2';
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files];
  const integration = tier === 'integration';
  if (!integration || process.env.GATE_MQTT_TEST_NETNS || !namespacesAvailable()) {
    const status = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
    return { status, leaked: integration ? leakedProcesses() : [] };
  }
  const name = `gmt-tier-${process.pid}`;
  createNamespace(name, [{ link: 'lan0', addresses: ['192.168.50.2/24', 'fd00:50::2/64'] }]);
  try {
    const [file, wrapped] = inNamespace(name, process.execPath, args);
    const env = { ...process.env, GATE_MQTT_TEST_NETNS: name };
    const status = spawnSync(file, wrapped, { cwd: root, stdio: 'inherit', env }).status ?? 1;
    return { status, leaked: leakedProcesses() }; // before the namespace goes, with what still runs in it
  } finally {
    deleteNamespace(name);
  }
}

const [tier, ...only] = process.argv.slice(2);
const named = tier === 'unit' || tier === 'integration';
const explicit = named ? only : process.argv.slice(2);
// Files named on the command line run once, in the tier their folder says (integration needs a build).
const tierOf = (file) => (path.resolve(file).includes(`${path.sep}integration${path.sep}`) ? 'integration' : 'unit');
const tiers = named
  ? [tier]
  : ['unit', 'integration'].filter((t) => !explicit.length || explicit.some((f) => tierOf(f) === t));
let status = 0;
for (const name of tiers) {
  // The device lane (.ci/device-lane) runs a copy built beforehand, as a user who cannot install packages.
  if (name === 'integration' && !process.env.GATE_MQTT_TEST_PREBUILT) {
    ensureSystemPackages();
    ensureTestDebs();
    build();
  }
  const files = explicit.length
    ? explicit.filter((f) => named || tierOf(f) === name)
    : testFiles(path.join(root, 'test', name));
  console.error(`\n# ${name} tier: ${files.length} file(s)`);
  const outcome = run(files, name);
  status = outcome.status || status;
  const leaked = outcome.leaked;
  const leakedNs = name === 'integration' ? leakedNamespaces() : [];
  if (leakedNs.length) {
    console.error(`\n# the integration tier left network namespaces (removed now): ${leakedNs.join(' ')}`);
    status = 1;
  }
  if (leaked.length) {
    console.error(
      `\n# the integration tier left ${leaked.length} process(es) running (killed now):\n${leaked.join('\n')}`,
    );
    status = 1;
  }
  if (status !== 0 && name === 'unit') break; // a broken unit tier makes the slow tier pointless
}
process.exit(status);
