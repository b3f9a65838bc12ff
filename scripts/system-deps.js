// The Debian packages the tests use, in one list for scripts/test.js and .ci/run (via --print).
import { existsSync } from 'node:fs';

export const TEST_PACKAGES = [
  'mosquitto',
  'mosquitto-clients',
  'openssh-server',
  'openssh-client',
  'procps',
  'iproute2',
];

/** Programs that must exist for the suite, and the package that brings each. */
export const REQUIRED_PROGRAMS = [
  ['/usr/sbin/mosquitto', 'mosquitto'],
  ['/usr/bin/mosquitto_sub', 'mosquitto-clients'],
  ['/usr/bin/mosquitto_pub', 'mosquitto-clients'],
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/bin/ssh', 'openssh-client'],
  ['/usr/bin/ssh-keygen', 'openssh-client'],
];

export function missingPackages() {
  return [...new Set(REQUIRED_PROGRAMS.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg))];
}

if (process.argv[2] === '--print') process.stdout.write(`${TEST_PACKAGES.join(' ')}\n`);
