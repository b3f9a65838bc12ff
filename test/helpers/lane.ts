import { chmodSync, copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { GatewayPaths } from '../../src/platform/paths.js';

/**
 * The integration tier runs in two lanes (.ci/run):
 * - root: as root, with hostile rc files bound over root's own (a private mount namespace);
 * - device: as an unprivileged user, as a Termux app is, with every sandbox shaped like Termux: the
 *   broker at PREFIX/bin (a copy of the host's), pm2 as the prefix's own global install, stand-ins for
 *   termux-wake-lock and pkg, and a HOME whose rc files are noisy and slow.
 * In both, every sandbox HOME gets those rc files: nothing gate-mqtt starts may read them.
 */
export const LANE = process.env.GATE_MQTT_TEST_LANE === 'device' ? 'device' : 'root';
export const IS_ROOT = process.getuid?.() === 0;

/** Text an rc file prints, so a test can prove it never reached our output. */
export const RC_NOISE = 'NOISE-FROM-A-LOGIN-SCRIPT';
/** The file an rc file creates when something sources it. */
export const RC_MARKER = '.rc-file-was-read';

/** A noisy, slow rc file (what Termux users and gateway images put there: motd, ssh-agent, wake locks). */
export const HOSTILE_RC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile-rc');

export function writeHostileRcFiles(home: string): void {
  mkdirSync(home, { recursive: true });
  for (const name of ['.bashrc', '.profile', '.bash_profile']) copyFileSync(HOSTILE_RC, path.join(home, name));
}

const STAND_IN = (name: string, exit: number) =>
  `#!/bin/sh\necho "${name}: a stand-in for Termux's ${name} (no Termux on this machine): $*" >&2\nexit ${exit}\n`;

/** The device lane's sandbox: the prefix holds its own broker, pm2 and Termux tools, as a device does. */
function shapeLikeTermux(paths: GatewayPaths): void {
  const devicePm2 = process.env.GATE_MQTT_TEST_DEVICE_PM2;
  if (!devicePm2 || !existsSync(path.join(devicePm2, 'bin', 'pm2'))) {
    throw new Error(
      'the device lane needs GATE_MQTT_TEST_DEVICE_PM2: a folder where pm2 is installed (.ci/device-lane)',
    );
  }
  mkdirSync(paths.bin, { recursive: true });
  copyFileSync('/usr/sbin/mosquitto', path.join(paths.bin, 'mosquitto'));
  chmodSync(path.join(paths.bin, 'mosquitto'), 0o755);
  const modules = path.join(paths.prefix, 'lib', 'node_modules');
  mkdirSync(modules, { recursive: true });
  symlinkSync(devicePm2, path.join(modules, 'pm2'));
  symlinkSync('../lib/node_modules/pm2/bin/pm2', path.join(paths.bin, 'pm2'));
  writeFileSync(path.join(paths.bin, 'termux-wake-lock'), STAND_IN('termux-wake-lock', 0), { mode: 0o755 });
  writeFileSync(path.join(paths.bin, 'pkg'), STAND_IN('pkg', 1), { mode: 0o755 });
}

/** Prepares a new sandbox root for the lane this run is in. */
export function prepareSandbox(paths: GatewayPaths): void {
  writeHostileRcFiles(paths.home);
  if (LANE === 'device') shapeLikeTermux(paths);
}

/** Skips a test that needs root (mounts, another user); true when skipped. */
export function skipUnlessRoot(t: TestContext, why: string): boolean {
  if (IS_ROOT) return false;
  t.skip(`needs root: ${why}`);
  return true;
}
