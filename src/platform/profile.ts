import path from 'node:path';
import { createRequire } from 'node:module';
import { unsupported } from '../errors.js';

export const DEFAULT_PREFIX = '/data/data/com.termux/files/usr';

/**
 * Every path of the gateway, seen from where this process runs. On a device they are the device's own
 * paths; in a sandbox (`--root DIR`) the same paths below DIR, so programs started here use them as is.
 */
export interface GatewayPaths {
  root: string;
  prefix: string;
  home: string;
  bin: string;
  etcMosquitto: string;
  configFile: string;
  tlsCaFile: string;
  /** The password file of the --auth profile (made by us, removed by reset). */
  passwordFile: string;
  pm2Home: string;
  bootDir: string;
  bootHook: string;
  logDir: string;
  brokerLog: string;
  stateDir: string;
  backupDir: string;
  dataDir: string;
  lockFile: string;
  pm2Definition: string;
  tmpDir: string;
}

export interface Profile {
  kind: 'termux' | 'sandbox';
  /** A gateway is really here: a sandbox, or a Termux found in the environment or named by --prefix. */
  present: boolean;
  /** The prefix as the device knows it (without the sandbox root). */
  devicePrefix: string;
  paths: GatewayPaths;
  /** Where to look for the broker binary, in order. */
  mosquittoCandidates: string[];
  /** How to run pm2: the node binary and pm2's script, so no shebang or PATH lookup is involved. */
  pm2: { node: string; script: string };
  /** The shell for scripts we leave on the device (the boot hook's shebang). */
  shell: string;
  /** The small environment every program we start gets; nothing private from ours leaks into pm2's dump. */
  env: Record<string, string>;
}

export interface ProfileOptions {
  root?: string;
  prefix?: string;
  environment?: NodeJS.ProcessEnv;
}

/** Termux sets TERMUX_VERSION; older builds only a PREFIX below /data/data/APP/files/usr. */
export function detectTermuxPrefix(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TERMUX_VERSION && env.PREFIX) return env.PREFIX;
  if (env.PREFIX && /^\/data\/data\/[^/]+\/files\/usr\/?$/.test(env.PREFIX)) return env.PREFIX.replace(/\/$/, '');
  return undefined;
}

export function validatePrefix(prefix: string): string {
  if (!path.isAbsolute(prefix) || /[\0-\x1f\x7f]/.test(prefix)) {
    throw unsupported(`--prefix must be an absolute path without control characters: ${JSON.stringify(prefix)}`);
  }
  return path.resolve(prefix);
}

export function buildPaths(root: string, devicePrefix: string): GatewayPaths {
  const prefix = path.join(root || '/', devicePrefix);
  const home = path.join(path.dirname(prefix), 'home');
  const etcMosquitto = path.join(prefix, 'etc', 'mosquitto');
  const logDir = path.join(prefix, 'var', 'log', 'gate-mqtt');
  const stateDir = path.join(prefix, 'var', 'lib', 'gate-mqtt');
  const bootDir = path.join(home, '.termux', 'boot');
  return {
    root,
    prefix,
    home,
    bin: path.join(prefix, 'bin'),
    etcMosquitto,
    configFile: path.join(etcMosquitto, 'mosquitto.conf'),
    tlsCaFile: path.join(prefix, 'etc', 'tls', 'cert.pem'),
    passwordFile: path.join(etcMosquitto, 'gate-mqtt.passwd'),
    pm2Home: path.join(home, '.pm2'),
    bootDir,
    bootHook: path.join(bootDir, 'start-mqtt'),
    logDir,
    brokerLog: path.join(logDir, 'mqtt.log'),
    stateDir,
    backupDir: path.join(stateDir, 'backups'),
    dataDir: path.join(prefix, 'var', 'lib', 'mosquitto'),
    lockFile: path.join(stateDir, 'gate-mqtt.lock'),
    pm2Definition: path.join(stateDir, 'mqtt.pm2.json'),
    tmpDir: path.join(prefix, 'tmp'),
  };
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
  // termux-exec makes `#!/usr/bin/env` scripts work on Android; TMPDIR there is below the prefix.
  for (const key of ['LD_PRELOAD', 'TMPDIR', 'ANDROID_ROOT', 'ANDROID_DATA', 'TERMUX_VERSION'] as const) {
    const value = from[key];
    if (kind === 'termux' && value) env[key] = value;
  }
  return env;
}

/**
 * Builds the profile: `--root` makes a sandbox gateway; otherwise a Termux device found from the
 * environment (or named by `--prefix`). `requireDevice` refuses, with exit 4, to act on a machine that
 * is neither.
 */
export function resolveProfile(options: ProfileOptions, requireDevice: boolean): Profile {
  const environment = options.environment ?? process.env;
  const explicitPrefix = options.prefix ? validatePrefix(options.prefix) : undefined;
  if (options.root !== undefined) {
    if (/[\0-\x1f\x7f]/.test(options.root)) throw unsupported('--root must not hold control characters');
    const root = path.resolve(options.root);
    const devicePrefix = explicitPrefix ?? DEFAULT_PREFIX;
    const paths = buildPaths(root, devicePrefix);
    return {
      kind: 'sandbox',
      present: true,
      devicePrefix,
      paths,
      // The prefix's own broker first, then the host's (GATE_MQTT_HOST_MOSQUITTO: a colon-separated list, e.g. a self-built one).
      mosquittoCandidates: [path.join(paths.bin, 'mosquitto'), ...(environment.GATE_MQTT_HOST_MOSQUITTO ?? '/usr/sbin/mosquitto:/usr/bin/mosquitto:/usr/local/sbin/mosquitto').split(':').filter(Boolean)],
      // The project's own pm2 (GATE_MQTT_PM2: another pm2 script, e.g. a global install).
      pm2: { node: process.execPath, script: environment.GATE_MQTT_PM2 ?? bundledPm2Script() },
      shell: '/bin/sh',
      env: minimalEnv(paths, 'sandbox', environment),
    };
  }
  const detected = detectTermuxPrefix(environment);
  if (!explicitPrefix && !detected && requireDevice) {
    throw unsupported(
      'this is not a Termux gateway (no TERMUX_VERSION or PREFIX) and no --root was given',
      'run with --root DIR to provision a sandbox gateway below DIR, or --prefix PATH on a device',
    );
  }
  const devicePrefix = explicitPrefix ?? detected ?? DEFAULT_PREFIX;
  const paths = buildPaths('', devicePrefix);
  const devicePm2 = path.join(paths.prefix, 'lib', 'node_modules', 'pm2', 'bin', 'pm2');
  return {
    kind: 'termux',
    present: Boolean(explicitPrefix ?? detected),
    devicePrefix,
    paths,
    mosquittoCandidates: [path.join(paths.bin, 'mosquitto')],
    pm2: { node: path.join(paths.bin, 'node'), script: devicePm2 },
    shell: path.join(paths.bin, 'sh'),
    env: minimalEnv(paths, 'termux', environment),
  };
}
