import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import type { Profile } from '../platform/profile.js';
import { crashPoint } from '../run/fault.js';
import type { DryRunPlan } from '../run/plan.js';
import { describeCommand } from '../run/runner.js';
import {
  describePm2Status,
  type Pm2Process,
  PROCESS_NAME,
  parseDump,
  type RawProcess,
  toProcess,
} from './process-list.js';
import { Pm2Rpc } from './rpc.js';

export { type Pm2Process, PROCESS_NAME, parseDump, parseJlist } from './process-list.js';

/** pm2 save's transformation of the process list (pm2's API/Startup.js `dump`), as text. */
export function dumpFromList(list: Array<{ pm2_env?: Record<string, unknown> }>): string {
  const apps = list
    .map((p) => ({ ...p.pm2_env }))
    .filter((env) => !env.pmx_module)
    .map(({ instances: _i, pm_id: _id, prev_restart_delay: _d, ...env }) => env);
  return JSON.stringify(apps, null, 2);
}

/** The dump file's text without the named processes (when no daemon runs to save a fresh one). */
export async function dumpWithout(file: string, names: readonly string[]): Promise<string> {
  const text = (await readText(file).catch(() => undefined)) ?? '[]';
  let apps: Array<{ name?: string }>;
  try {
    apps = JSON.parse(text) as Array<{ name?: string }>;
  } catch {
    apps = [];
  }
  return JSON.stringify(
    apps.filter((app) => !names.includes(app.name ?? '')),
    null,
    2,
  );
}

/**
 * The device's pm2, through its daemon: reads and simple operations are RPC calls on PM2_HOME/rpc.sock
 * (milliseconds each, one connection per run); starting a definition uses pm2's API from the same
 * install. Nothing here runs the pm2 CLI. In dry-run, operations are recorded as the CLI command a
 * person would type.
 */
export class Pm2 {
  private readonly rpc: Pm2Rpc;

  constructor(
    readonly profile: Profile,
    readonly plan: DryRunPlan,
  ) {
    this.rpc = new Pm2Rpc(profile.pm2.script, profile.pm2.rpcSocket);
  }

  /** The CLI command that does the same, for dry-run and messages. */
  describe(args: string[]): string {
    return describeCommand([this.profile.pm2.node, [this.profile.pm2.script, ...args]]);
  }

  async daemonRunning(): Promise<boolean> {
    return this.rpc.alive();
  }

  /** The process list; empty when no daemon runs (none is started to answer). */
  async list(): Promise<Pm2Process[]> {
    return ((await this.rpc.call<RawProcess[]>('getMonitorData', {})) ?? []).map(toProcess);
  }

  /**
   * The process list as the doctor's pm2 probe prints it ("now=SECONDS", then the daemon's list as JSON,
   * or "no-daemon"), read over the RPC socket: the local doctor needs no node process on the device.
   */
  async probeOutput(): Promise<string> {
    const list = await this.rpc.call<RawProcess[]>('getMonitorData', {});
    return `now=${Math.floor(Date.now() / 1000)}\n${list === undefined ? 'no-daemon' : JSON.stringify(list)}\n`;
  }

  async find(name = PROCESS_NAME): Promise<Pm2Process | undefined> {
    return (await this.list()).find((p) => p.name === name);
  }

  private async byName(name: string): Promise<Pm2Process> {
    const found = await this.find(name);
    if (!found) throw failed(t('pm2 has no process "{{name}}"', { name }), t('run: gate-mqtt provision'));
    return found;
  }

  /** Starts (or, for a name pm2 runs already, restarts) the apps of a definition file; starts the daemon if needed. */
  async startDefinition(file: string): Promise<void> {
    if (this.plan.active) return this.plan.add(this.describe(['start', file]));
    this.rpc.close(); // the API may start a daemon; the next read connects afresh
    const { startWithPm2Api } = await import('./api.js'); // only starting needs pm2's API
    await startWithPm2Api(this.profile, file);
    crashPoint(`pm2:start:${path.basename(file)}`);
  }

  async restart(name = PROCESS_NAME): Promise<void> {
    if (this.plan.active) return this.plan.add(this.describe(['restart', name]));
    await this.rpc.call('restartProcessId', { id: (await this.byName(name)).id, env: {} });
    crashPoint(`pm2:restart:${name}`);
  }

  /**
   * Stops a process and makes sure it stays stopped: a crashing process can exit on its own while the
   * stop is under way, and pm2 then schedules its restart anyway ("waiting restart"); it is stopped again.
   */
  async stop(name = PROCESS_NAME): Promise<void> {
    if (this.plan.active) return this.plan.add(this.describe(['stop', name]));
    const deadline = Date.now() + 5000;
    for (;;) {
      const current = await this.byName(name);
      if (current.status === 'stopped') return crashPoint(`pm2:stop:${name}`);
      if (Date.now() > deadline)
        throw failed(
          t('pm2 did not stop "{{name}}" (it is {{status}})', { name, status: describePm2Status(current.status) }),
          t('run again; if it keeps running: gate-mqtt doctor'),
        );
      await this.rpc.call('stopProcessId', current.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async remove(name = PROCESS_NAME): Promise<void> {
    if (this.plan.active) return this.plan.add(this.describe(['delete', name]));
    await this.rpc.call('deleteProcessId', (await this.byName(name)).id);
    crashPoint(`pm2:delete:${name}`);
  }

  /**
   * What `pm2 save` would write to the dump (what `pm2 resurrect` starts at boot): the daemon's process
   * list, each process's pm2_env without the fields pm2's own save drops. The caller writes it (the daemon
   * has no RPC method for it; pm2's CLI writes the file itself, too).
   */
  async dumpText(): Promise<string> {
    const list = await this.rpc.call<Array<{ pm2_env?: Record<string, unknown> }>>('getMonitorData', {});
    if (list === undefined) throw failed(t('no pm2 daemon runs: nothing to save'), t('run: gate-mqtt provision'));
    return dumpFromList(list);
  }

  /** Read from pm2's package.json: no daemon needed. */
  async version(): Promise<string> {
    const manifest = path.join(path.dirname(this.profile.pm2.script), '..', 'package.json');
    const text = await readFile(manifest, 'utf8').catch(() => '{}');
    return String((JSON.parse(text) as { version?: string }).version ?? '');
  }

  /** The processes pm2's dump holds (what `pm2 resurrect` starts at boot), as the process list shows them. */
  async dumpEntries(): Promise<Pm2Process[]> {
    const text = await readText(this.profile.pm2.dumpFile).catch(() => undefined);
    try {
      const apps = JSON.parse(text ?? '[]') as Array<RawProcess['pm2_env'] & { name?: string }>;
      return apps.map((app) => toProcess({ ...(app.name ? { name: app.name } : {}), pm2_env: app }));
    } catch {
      return []; // a dump pm2 cannot read either: saved afresh
    }
  }

  async dumpNames(): Promise<string[]> {
    const text = await readText(this.profile.pm2.dumpFile).catch(() => undefined);
    if (text === undefined) return [];
    try {
      return parseDump(text);
    } catch {
      return [];
    }
  }

  /** Ends the daemon connection so the process can exit. */
  close(): void {
    this.rpc.close();
  }
}
