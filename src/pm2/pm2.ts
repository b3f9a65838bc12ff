import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from '../platform/process-info.js';
import type { Profile } from '../platform/profile.js';
import { type Command, describeCommand, type Runner, type RunResult } from '../run/runner.js';

export const PROCESS_NAME = 'mqtt';
const PM2_TIMEOUT_MS = 60_000;

/** What pm2 says of one process (the fields we use from `pm2 jlist`). */
export interface Pm2Process {
  name: string;
  pid: number;
  status: string;
  restarts: number;
  uptimeSince: number | undefined;
  execPath: string;
  args: string[];
  outLog: string | undefined;
  errLog: string | undefined;
}

interface RawProcess {
  name?: string;
  pid?: number;
  pm2_env?: {
    status?: string;
    restart_time?: number;
    pm_uptime?: number;
    pm_exec_path?: string;
    args?: string[] | string;
    pm_out_log_path?: string;
    pm_err_log_path?: string;
  };
}

function toProcess(raw: RawProcess): Pm2Process {
  const env = raw.pm2_env ?? {};
  return {
    name: raw.name ?? '',
    pid: raw.pid ?? 0,
    status: env.status ?? 'unknown',
    restarts: env.restart_time ?? 0,
    uptimeSince: env.pm_uptime,
    execPath: env.pm_exec_path ?? '',
    args: Array.isArray(env.args) ? env.args : env.args ? [env.args] : [],
    outLog: env.pm_out_log_path,
    errLog: env.pm_err_log_path,
  };
}

/** `pm2 jlist` may print "Spawning PM2 daemon" lines first: the JSON is the last line that starts with '['. */
export function parseJlist(stdout: string): Pm2Process[] {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.trimStart().startsWith('['));
  if (!line) throw new Error('pm2 jlist printed no process list');
  return (JSON.parse(line) as RawProcess[]).map(toProcess);
}

/** Process names recorded in pm2's dump (what `pm2 resurrect` brings back at boot). */
export function parseDump(text: string): string[] {
  const list = JSON.parse(text) as Array<{ name?: string }>;
  return list.map((p) => p.name ?? '');
}

/** The device's pm2, driven through its CLI with the profile's small environment and its PM2_HOME. */
export class Pm2 {
  constructor(
    readonly profile: Profile,
    readonly runner: Runner,
  ) {}

  command(args: string[]): Command {
    return [this.profile.pm2.node, [this.profile.pm2.script, ...args]];
  }

  describe(args: string[]): string {
    return describeCommand(this.command(args));
  }

  private run(args: string[], mutates: boolean): Promise<RunResult> {
    return this.runner.check(this.command(args), { env: this.profile.env, timeoutMs: PM2_TIMEOUT_MS, mutates });
  }

  async daemonRunning(): Promise<boolean> {
    const text = await readFile(this.profile.pm2.pidFile, 'utf8').catch(() => '');
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 && processAlive(pid);
  }

  /** The process list; without a running daemon (dry-run must not spawn one) it is empty. */
  async list(spawnDaemon = true): Promise<Pm2Process[]> {
    if (!spawnDaemon && !(await this.daemonRunning())) return [];
    return parseJlist((await this.run(['jlist'], false)).stdout);
  }

  async find(name = PROCESS_NAME, spawnDaemon = true): Promise<Pm2Process | undefined> {
    return (await this.list(spawnDaemon)).find((p) => p.name === name);
  }

  async startDefinition(file: string): Promise<void> {
    await this.run(['start', file], true);
  }

  async restart(name = PROCESS_NAME): Promise<void> {
    await this.run(['restart', name], true);
  }

  async stop(name = PROCESS_NAME): Promise<void> {
    await this.run(['stop', name], true);
  }

  async remove(name = PROCESS_NAME): Promise<void> {
    await this.run(['delete', name], true);
  }

  async save(): Promise<void> {
    await this.run(['save', '--force'], true);
  }

  /** Read from pm2's package.json: asking the CLI could spawn a daemon, which dry-run must not. */
  async version(): Promise<string> {
    const manifest = path.join(path.dirname(this.profile.pm2.script), '..', 'package.json');
    const text = await readFile(manifest, 'utf8').catch(() => '{}');
    return String((JSON.parse(text) as { version?: string }).version ?? '');
  }

  async dumpNames(): Promise<string[]> {
    const text = await readFile(this.profile.pm2.dumpFile, 'utf8').catch(() => undefined);
    if (text === undefined) return [];
    try {
      return parseDump(text);
    } catch {
      return [];
    }
  }
}
