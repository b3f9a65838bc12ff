import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inNamespace } from '../../scripts/netns.js';
import { freePort } from '../../src/broker/port.js';
import {
  buildPaths,
  bundledPm2Script,
  DEFAULT_PREFIX,
  devicePm2Script,
  type GatewayPaths,
} from '../../src/platform/profile.js';
import { prepareSandbox } from './lane.js';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(PROJECT, 'bin', 'gate-mqtt.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  root: string;
  port: number;
  paths: GatewayPaths;
  /** Runs the real CLI with --root; no TTY, a clean environment (no Termux variables). */
  cli(
    args: string[],
    options?: { input?: string; env?: Record<string, string>; root?: boolean; netns?: string },
  ): Promise<CliResult>;
  pm2(args: string[]): { code: number | null; stdout: string };
  /** The mqtt process as pm2 lists it. */
  mqtt(): { pid: number; status: string; restarts: number } | undefined;
}

export { freePort } from '../../src/broker/port.js';
/** The JSON documents the CLI prints (shared/CLI.md): the tests read them with the product's own types. */
export type { CommandResult as Result, DoctorResult } from '../../src/model/results.js';

/** Polls `check` until it returns a value that is not undefined or false, or fails at the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    ...extra,
  };
}

export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string>; netns?: string } = {},
): Promise<CliResult> {
  // In a network namespace of the test's own (network-exposure.test.ts): the gateway's view of the network.
  const [file, argv] = options.netns
    ? inNamespace(options.netns, process.execPath, [CLI, ...args])
    : [process.execPath, [CLI, ...args]];
  return new Promise((resolve) => {
    const child = spawn(file, argv, {
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // A CLI killed by a signal says so (code null), for the failure message of the test.
    child.on('close', (code, signal) =>
      resolve({ code, stdout, stderr: signal ? `${stderr}[killed by ${signal}]` : stderr }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** Unmounts whatever a test mounted below its root (deepest first). */
function unmountAll(root: string): void {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((target) => target === root || target.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length);
  for (const target of mounts) spawnSync('umount', ['-l', target]);
}

export function mountReadOnly(dir: string): void {
  const bind = spawnSync('mount', ['--bind', dir, dir], { encoding: 'utf8' });
  const ro = spawnSync('mount', ['-o', 'remount,bind,ro', dir], { encoding: 'utf8' });
  if (bind.status !== 0 || ro.status !== 0)
    throw new Error(`cannot mount ${dir} read-only: ${bind.stderr}${ro.stderr}`);
}

/** Kills every process whose command line names the sandbox root (a broker pm2 left behind, say). */
function killLeftovers(root: string): void {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8');
      if (cmdline.includes(root) || environ.includes(`PM2_HOME=${root}`)) process.kill(Number(name), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

/**
 * A sandbox gateway for one test: its own temp root, a free port and its own pm2 daemon, all torn down
 * when the test ends, whether it passed or not.
 */
export async function sandbox(t: TestContext, options: { tmpfsBytes?: number } = {}): Promise<Sandbox> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmt-'));
  // A small filesystem of its own as the root, to fill it up (needs root and mount, as CI has).
  if (options.tmpfsBytes) {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${options.tmpfsBytes}`, 'tmpfs', root], {
      encoding: 'utf8',
    });
    if (mounted.status !== 0) throw new Error(`cannot mount a tmpfs: ${mounted.stderr}`);
  }
  const port = await freePort();
  const paths = buildPaths(root, DEFAULT_PREFIX);
  prepareSandbox(paths);
  // The test drives the same pm2 as the product: the prefix's own in the device lane, else the project's.
  const pm2Script = existsSync(devicePm2Script(paths.prefix)) ? devicePm2Script(paths.prefix) : bundledPm2Script();
  const pm2Env = { ...cleanEnv(), PM2_HOME: paths.pm2Home, HOME: paths.home };
  const pm2 = (args: string[]) => {
    const r = spawnSync(process.execPath, [pm2Script, ...args], {
      env: pm2Env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: r.status, stdout: r.stdout };
  };
  t.after(() => {
    try {
      const pid = Number(readFileSync(path.join(paths.pm2Home, 'pm2.pid'), 'utf8'));
      if (pid > 0) pm2(['kill']);
    } catch {
      // no daemon was started
    }
    killLeftovers(root);
    unmountAll(root);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    port,
    paths,
    cli: (args, options = {}) => runCli(options.root === false ? args : [...args, '--root', root], options),
    pm2,
    mqtt: () => {
      const out = pm2(['jlist'])
        .stdout.split('\n')
        .reverse()
        .find((l) => l.startsWith('['));
      const list = JSON.parse(out ?? '[]') as Array<{
        name: string;
        pid: number;
        pm2_env: { status: string; restart_time: number };
      }>;
      const p = list.find((x) => x.name === 'mqtt');
      return p ? { pid: p.pid, status: p.pm2_env.status, restarts: p.pm2_env.restart_time } : undefined;
    },
  };
}

export function parseJson<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not one JSON document (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
}

/** A provisioned sandbox (factory config on the box's port, mqtt online) and a CA file for bridges. */
export async function provisioned(
  t: TestContext,
  options: { tmpfsBytes?: number; auth?: { username: string; password: string } } = {},
): Promise<Sandbox> {
  const box = await sandbox(t, options);
  // Started as root, mosquitto reads the --auth password file as its own user: it must reach it.
  if (options.auth) spawnSync('chmod', ['755', box.root]);
  const auth = options.auth ? ['--auth', '--username', options.auth.username, '--password-stdin'] : [];
  const run = await box.cli(['provision', '--port', String(box.port), ...auth], {
    input: options.auth?.password ?? '',
  });
  if (run.code !== 0) throw new Error(`provision failed (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  const { mkdirSync, copyFileSync } = await import('node:fs');
  mkdirSync(path.dirname(box.paths.tlsCaFile), { recursive: true });
  copyFileSync('/etc/ssl/certs/ca-certificates.crt', box.paths.tlsCaFile);
  return box;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
