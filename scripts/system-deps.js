// The Debian packages the tests use, in one list for scripts/test.js and .ci/run (via --print).
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { $, LIVE } from './lib/shell.js';

export const TEST_PACKAGES = [
  'mosquitto',
  'mosquitto-clients',
  'openssh-server',
  'openssh-client',
  'procps',
  'iproute2',
  'ansible-core',
  'openssl',
];

/** Programs that must exist for the suite, and the package that brings each. */
export const REQUIRED_PROGRAMS = [
  ['/usr/sbin/mosquitto', 'mosquitto'],
  ['/usr/bin/mosquitto_sub', 'mosquitto-clients'],
  ['/usr/bin/mosquitto_pub', 'mosquitto-clients'],
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/bin/ssh', 'openssh-client'],
  ['/usr/bin/ssh-keygen', 'openssh-client'],
  ['/usr/bin/ansible-playbook', 'ansible-core'],
  // the certificates of listener add tls --self-signed, and the tests' own
  ['/usr/bin/openssl', 'openssl'],
];

export function missingPackages() {
  return [...new Set(REQUIRED_PROGRAMS.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg))];
}

if (process.argv[2] === '--print') process.stdout.write(`${TEST_PACKAGES.join(' ')}\n`);

// Two real builds of the broker for the package tests (test/integration/packages.test.ts): Debian 12's
// security and main updates. Downloaded once (apt-get download: no root needed for it, nothing installed);
// the tests themselves need no network.
export const TEST_DEBS = ['mosquitto=2.0.11-1.2+deb12u1', 'mosquitto=2.0.11-1.2+deb12u2'];
export const TEST_DEBS_DIR = process.env.GATE_MQTT_TEST_DEBS ?? '/var/cache/gate-mqtt-test/debs';

export function missingDebs() {
  const have = existsSync(TEST_DEBS_DIR) ? readdirSync(TEST_DEBS_DIR) : [];
  return TEST_DEBS.filter((spec) => {
    const [name, version] = spec.split('=');
    return !have.some((file) => file.startsWith(`${name}_${version.replace(/:/g, '%3a')}_`));
  });
}

/**
 * Fetches the missing ones into TEST_DEBS_DIR (readable by the device lane's user); false when it cannot.
 * @returns {Promise<boolean>}
 */
export async function downloadDebs() {
  const missing = missingDebs();
  if (!missing.length) return true;
  mkdirSync(TEST_DEBS_DIR, { recursive: true, mode: 0o755 });
  console.error(`Downloading the broker packages the package tests use: ${missing.join(' ')}`);
  // apt-get's progress and errors go to the terminal as they come; a failure is reported by the result.
  const result = await $({ cwd: TEST_DEBS_DIR, stdio: LIVE, nothrow: true })`apt-get download -q ${missing}`;
  for (const file of readdirSync(TEST_DEBS_DIR)) chmodSync(path.join(TEST_DEBS_DIR, file), 0o644);
  return result.exitCode === 0 && missingDebs().length === 0;
}

if (process.argv[2] === '--download-debs') process.exit((await downloadDebs()) ? 0 : 1);
