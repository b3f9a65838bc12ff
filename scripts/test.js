#!/usr/bin/env node
// The test runner: node's own, with tsx for TypeScript. Two tiers:
//   unit         pure parts, no root, no mosquitto or pm2; seconds (test/unit)
//   integration  the real CLI against real mosquitto, pm2, ptys and OpenSSH in sandbox roots (test/integration)
// `node scripts/test.js` runs both; `node scripts/test.js unit|integration [FILE...]` one of them.
// Two test files at a time: the machines have 2 cores. Programs start through scripts/lib/shell.js (zx,
// and no rc file of the user's: the CI's are hostile).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { $, env, LIVE, within } from './lib/shell.js';
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
async function ensureSystemPackages() {
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
  const installed = await within(async () => {
    // Both apt-get runs: unattended, their output live, a failure is an answer (exit 4), not an exception.
    $.env = env({ DEBIAN_FRONTEND: 'noninteractive' });
    $.stdio = LIVE;
    $.nothrow = true;
    return (await $`apt-get update -q`).exitCode === 0 && (await $`${apt}`).exitCode === 0;
  });
  if (!installed) process.exit(4);
}

/** The package tests install two real builds of the broker from files: fetch them once (as root, with apt). */
async function ensureTestDebs() {
  if (!missingDebs().length) return;
  if (process.getuid?.() !== 0 || !(await downloadDebs())) {
    console.error(
      `The package tests need ${missingDebs().join(' ')} in ${TEST_DEBS_DIR}\n` +
        `Fetch them with: sudo node scripts/system-deps.js --download-debs`,
    );
    process.exit(4);
  }
}

/** The integration tests drive the real CLI in dist/: build it first (scripts/build.js checks types too). */
async function build() {
  const script = path.join(root, 'scripts', 'build.js');
  const built = await $({ cwd: root, stdio: LIVE, nothrow: true })`${process.execPath} ${script}`;
  if (built.exitCode !== 0) process.exit(built.exitCode ?? 1);
}

/**
 * This run's own temp folder (the tests' TMPDIR) and namespace prefix: two runs on one machine (a lane,
 * and one file tried meanwhile) never take each other's sandboxes for leaks.
 */
const RUN_TMP = path.join(os.tmpdir(), `gmt-run-${process.pid}`);
const RUN_NAMESPACES = `gmt-t-${process.pid}-`;
const RUN_ENV = { TMPDIR: RUN_TMP, GATE_MQTT_TEST_RUN: String(process.pid) };

/**
 * Processes a test of this run left behind (a pm2 daemon or a broker of a sandbox root): each test must
 * stop its own, so any found after the tier is a failure. They are killed so they do not pile up.
 */
function leakedProcesses() {
  const marker = `${RUN_TMP}/`;
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
async function leakedNamespaces() {
  const leaked = (await namespaces()).filter((name) => name.startsWith(RUN_NAMESPACES));
  for (const name of leaked) await deleteNamespace(name);
  return leaked;
}

/**
 * Node's test runner, its output live (the reporter streams as tests end); its exit code, 1 if killed.
 * `exec`: bash gives way to it, so signals meant for the run reach the runner.
 * @param {string[]} command
 * @param {Record<string, string | undefined>} [extra] environment over this one
 */
async function runner(command, extra = {}) {
  const result = await $({ cwd: root, env: env(extra), stdio: LIVE, nothrow: true })`exec ${command}`;
  return result.exitCode ?? 1;
}

/**
 * The integration tier runs as a gateway on a home LAN: in a network namespace of its own with loopback
 * and a LAN link (192.168.50.2, fd00:50::2), so what the doctor sees of the network does not depend on
 * this machine's addresses. Needs root; otherwise (the device lane makes its own) the tier runs here.
 */
async function run(files, tier) {
  const concurrency = process.env.TEST_CONCURRENCY ?? '2';
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files];
  const integration = tier === 'integration';
  mkdirSync(RUN_TMP, { recursive: true });
  if (!integration || process.env.GATE_MQTT_TEST_NETNS || !namespacesAvailable()) {
    const status = await runner([process.execPath, ...args], RUN_ENV);
    return { status, leaked: integration ? leakedProcesses() : [] };
  }
  const name = `gmt-tier-${process.pid}`;
  await createNamespace(name, [{ link: 'lan0', addresses: ['192.168.50.2/24', 'fd00:50::2/64'] }]);
  try {
    const [file, wrapped] = inNamespace(name, process.execPath, args);
    const status = await runner([file, ...wrapped], { ...RUN_ENV, GATE_MQTT_TEST_NETNS: name });
    return { status, leaked: leakedProcesses() }; // before the namespace goes, with what still runs in it
  } finally {
    await deleteNamespace(name);
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
    await ensureSystemPackages();
    await ensureTestDebs();
    await build();
  }
  const files = explicit.length
    ? explicit.filter((f) => named || tierOf(f) === name)
    : testFiles(path.join(root, 'test', name));
  console.error(`\n# ${name} tier: ${files.length} file(s)`);
  const outcome = await run(files, name);
  status = outcome.status || status;
  const leaked = outcome.leaked;
  const leakedNs = name === 'integration' ? await leakedNamespaces() : [];
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
rmSync(RUN_TMP, { recursive: true, force: true });
process.exit(status);
