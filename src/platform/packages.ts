import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import type { Command } from '../run/runner.js';

/** Unattended: never stop at dpkg's conffile question (it waits forever without a TTY); keep the local file. */
const APT_UNATTENDED = ['-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

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
  };
}

/** A sandbox takes the host's broker: installed with the host's apt-get, which needs root. */
export function hostPackages(isRoot = process.getuid?.() === 0, aptGet = '/usr/bin/apt-get'): PackageManager {
  const usable = isRoot && existsSync(aptGet);
  return {
    name: t("the host's apt-get ({{path}})", { path: aptGet }),
    brokerPackages: ['mosquitto', 'mosquitto-clients'],
    installCommands: (packages) => [[aptGet, ['install', ...APT_UNATTENDED, ...packages]]],
    env: { DEBIAN_FRONTEND: 'noninteractive' },
    ...(usable
      ? {}
      : {
          unavailable: {
            message: t('mosquitto is not installed and this sandbox cannot install it (needs root and apt-get)'),
            hint: t('install it yourself: sudo apt-get install mosquitto mosquitto-clients'),
          },
        }),
  };
}
