import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { badInput, unsupported } from '../model/errors.js';
import { hostPackages, type PackageManager, termuxPackages } from './packages.js';
import { buildPaths, type GatewayPaths, type Pm2Layout, pm2Layout } from './paths.js';

export { buildPaths, type GatewayPaths } from './paths.js';

export const DEFAULT_PREFIX = '/data/data/com.termux/files/usr';

export interface Profile {
  kind: 'termux' | 'sandbox';
  /** A gateway is really here: a sandbox, or a Termux found in the environment or named by --prefix. */
  present: boolean;
  /** The prefix as the device knows it (without the sandbox root). */
  devicePrefix: string;
  paths: GatewayPaths;
  /** Where to look for the broker binary, in order. */
  mosquittoCandidates: string[];
  /** How to run pm2 (the node binary and pm2's script: no shebang or PATH lookup) and where its files are. */
  pm2: { node: string; script: string } & Pm2Layout;
  /** How packages get installed here. */
  packages: PackageManager;
  /** The shell for scripts we leave on the device (the boot hook's shebang). */
  shell: string;
  /** The small environment every program we start gets; nothing private from ours leaks into pm2's dump. */
  env: Record<string, string>;
  /** PATH for the system's own network tools (ip, ifconfig): Android keeps them in /system/bin. */
  systemToolPath: string;
}

export interface ProfileOptions {
  root?: string;
  prefix?: string;
  environment?: NodeJS.ProcessEnv;
  /** Another package manager in place of the profile's own (tests, sandboxes). */
  packages?: PackageManager;
}

/** Termux sets TERMUX_VERSION; older builds only a PREFIX below /data/data/APP/files/usr. */
export function detectTermuxPrefix(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TERMUX_VERSION && env.PREFIX) return env.PREFIX;
  if (env.PREFIX && /^\/data\/data\/[^/]+\/files\/usr\/?$/.test(env.PREFIX)) return env.PREFIX.replace(/\/$/, '');
  return undefined;
}

const CONTROL = /[\0-\x1f\x7f]/;

/** `--prefix`: an absolute path without control characters (exit 2 otherwise). */
export function validatePrefix(prefix: string): string {
  if (prefix === '')
    throw badInput(
      t('--prefix must not be empty'),
      t('give the Termux prefix, e.g. --prefix /data/data/com.termux/files/usr'),
    );
  if (!path.isAbsolute(prefix) || CONTROL.test(prefix)) {
    throw badInput(
      t('--prefix must be an absolute path without control characters: {{prefix}}', {
        prefix: JSON.stringify(prefix),
      }),
      t('give the Termux prefix, e.g. --prefix /data/data/com.termux/files/usr'),
    );
  }
  return path.resolve(prefix);
}

/** `--root`: any folder, but never the empty string (it would silently mean the current folder). */
export function validateRoot(root: string): string {
  if (root === '')
    throw badInput(t('--root must not be empty'), t('give a folder for the sandbox gateway, e.g. --root ./.gateway'));
  if (CONTROL.test(root))
    throw badInput(t('--root must not hold control characters'), t('give a folder, e.g. --root ./.gateway'));
  const resolved = path.resolve(root);
  if (resolved === '/')
    throw badInput(t('--root / is the machine itself, not a sandbox'), t('give a folder, e.g. --root ./.gateway'));
  return resolved;
}

/** The project's own pm2 (used in a sandbox, and as the fallback on a device when none is installed). */
export function bundledPm2Script(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pm2/package.json')), 'bin', 'pm2');
}

function minimalEnv(paths: GatewayPaths, kind: Profile['kind'], from: NodeJS.ProcessEnv): Record<string, string> {
  const hostPath = from.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const env: Record<string, string> = {
    PATH: kind === 'sandbox' ? `${paths.bin}:${hostPath}:/usr/sbin:/sbin` : `${paths.bin}:${hostPath}`,
    HOME: paths.home,
    PREFIX: paths.prefix,
    PM2_HOME: paths.pm2Home,
    LANG: from.LANG ?? 'C.UTF-8',
  };
  // A sandbox's broker may come from package files unpacked into the prefix, with its libraries in lib.
  if (kind === 'sandbox') env.LD_LIBRARY_PATH = path.join(paths.prefix, 'lib');
  // termux-exec makes `#!/usr/bin/env` scripts work on Android; TMPDIR there is below the prefix.
  for (const key of ['LD_PRELOAD', 'TMPDIR', 'ANDROID_ROOT', 'ANDROID_DATA', 'TERMUX_VERSION'] as const) {
    const value = from[key];
    if (kind === 'termux' && value) env[key] = value;
  }
  return env;
}

/** A sandbox's pm2: the prefix's own global install when it has one (a Termux-shaped sandbox), else the project's. */
function sandboxPm2(paths: GatewayPaths): string {
  const own = devicePm2Script(paths.prefix);
  return existsSync(own) ? own : bundledPm2Script();
}

/** Where `npm install -g pm2` puts pm2 in a prefix (the device's own pm2 on Termux). */
export function devicePm2Script(prefix: string): string {
  return path.join(prefix, 'lib', 'node_modules', 'pm2', 'bin', 'pm2');
}

function sandboxProfile(root: string, devicePrefix: string, options: ProfileOptions, env: NodeJS.ProcessEnv): Profile {
  const paths = buildPaths(root, devicePrefix);
  // The prefix's own broker first, then the host's (GATE_MQTT_HOST_MOSQUITTO: a colon-separated list).
  const hostMosquitto =
    env.GATE_MQTT_HOST_MOSQUITTO ?? '/usr/sbin/mosquitto:/usr/bin/mosquitto:/usr/local/sbin/mosquitto';
  return {
    kind: 'sandbox',
    present: true,
    devicePrefix,
    paths,
    mosquittoCandidates: [path.join(paths.bin, 'mosquitto'), ...hostMosquitto.split(':').filter(Boolean)],
    pm2: { node: process.execPath, script: env.GATE_MQTT_PM2 ?? sandboxPm2(paths), ...pm2Layout(paths.pm2Home) },
    packages: options.packages ?? hostPackages(),
    shell: '/bin/sh',
    env: minimalEnv(paths, 'sandbox', env),
    systemToolPath: minimalEnv(paths, 'sandbox', env).PATH!,
  };
}

/**
 * Builds the profile: `--root` makes a sandbox gateway; otherwise a Termux device found from the
 * environment (or named by `--prefix`). `requireDevice` refuses, with exit 4, to act on a machine that
 * is neither.
 */
export function resolveProfile(options: ProfileOptions, requireDevice: boolean): Profile {
  const environment = options.environment ?? process.env;
  const explicitPrefix = options.prefix === undefined ? undefined : validatePrefix(options.prefix);
  if (options.root !== undefined) {
    return sandboxProfile(validateRoot(options.root), explicitPrefix ?? DEFAULT_PREFIX, options, environment);
  }
  const detected = detectTermuxPrefix(environment);
  if (!explicitPrefix && !detected && requireDevice) {
    throw unsupported(
      t('this is not a Termux gateway (no TERMUX_VERSION or PREFIX) and no --root was given'),
      t('run with --root DIR to provision a sandbox gateway below DIR, or --prefix PATH on a device'),
    );
  }
  const devicePrefix = explicitPrefix ?? detected ?? DEFAULT_PREFIX;
  const paths = buildPaths('', devicePrefix);
  return {
    kind: 'termux',
    present: Boolean(explicitPrefix ?? detected),
    devicePrefix,
    paths,
    mosquittoCandidates: [path.join(paths.bin, 'mosquitto')],
    pm2: {
      node: path.join(paths.bin, 'node'),
      script: devicePm2Script(paths.prefix),
      ...pm2Layout(paths.pm2Home),
    },
    packages: options.packages ?? termuxPackages(paths.bin),
    shell: path.join(paths.bin, 'sh'),
    env: minimalEnv(paths, 'termux', environment),
    systemToolPath: `${minimalEnv(paths, 'termux', environment).PATH}:/system/bin:/system/xbin`,
  };
}
