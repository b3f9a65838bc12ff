import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import type { Command } from '../run/runner.js';

/** Unattended: never stop at dpkg's conffile question (it waits forever without a TTY); keep the local file. */
const APT_UNATTENDED = ['-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

/** Where dpkg's tools live: the prefix's own on Termux, the host's in a sandbox. */
export interface DpkgTools {
  dpkgDeb: string;
  dpkg: string;
}

/** How this gateway gets packages. The profile chooses one; a test or a sandbox can put another in its place. */
export interface PackageManager {
  /** For messages: "Termux's apt-get at …". */
  name: string;
  /** The packages that bring the broker (and its clients, which the doctor uses). */
  brokerPackages: string[];
  /** The commands that install `packages` unattended, in order. */
  installCommands(packages: string[]): Command[];
  /** Environment for those commands (on top of the profile's). */
  env: Record<string, string>;
  /** Set when this gateway has no way to install packages: why, and what the user can do. */
  unavailable?: { message: string; hint: string };
  /** dpkg's tools, for package files (--packages, upgrade). */
  dpkg: DpkgTools;
  /**
   * How package files are installed: `dpkg -i` of the device's own database, or unpacked into the
   * sandbox prefix (never into the host's system).
   */
  installMode: 'dpkg' | 'prefix';
}

/** Termux's apt-get from the prefix (pkg is a shell wrapper around it). */
export function termuxPackages(bin: string): PackageManager {
  const aptGet = path.join(bin, 'apt-get');
  return {
    name: t("Termux's apt-get ({{path}})", { path: aptGet }),
    brokerPackages: ['mosquitto'],
    installCommands: (packages) => [
      [aptGet, ['update']],
      [aptGet, ['install', ...APT_UNATTENDED, ...packages]],
    ],
    env: { DEBIAN_FRONTEND: 'noninteractive' },
    dpkg: { dpkg: path.join(bin, 'dpkg'), dpkgDeb: path.join(bin, 'dpkg-deb') },
    installMode: 'dpkg',
  };
}

/**
 * A sandbox never installs into the host's system: the broker's package files are fetched with
 * `apt-get download` (no root needed) and unpacked into the sandbox prefix (see src/packages).
 */
export function hostPackages(aptGet = '/usr/bin/apt-get'): PackageManager {
  return {
    name: t('apt-get download into the sandbox prefix'),
    brokerPackages: ['mosquitto'],
    installCommands: () => [],
    env: { DEBIAN_FRONTEND: 'noninteractive' },
    dpkg: { dpkg: '/usr/bin/dpkg', dpkgDeb: '/usr/bin/dpkg-deb' },
    installMode: 'prefix',
    ...(existsSync(aptGet)
      ? {}
      : {
          unavailable: {
            message: t('mosquitto is not installed and this sandbox cannot fetch it (no apt-get)'),
            hint: t('give package files: gate-mqtt provision --packages DIR; or: sudo apt-get install mosquitto'),
          },
        }),
  };
}
