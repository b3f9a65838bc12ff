import path from 'node:path';
import type { ConfModel } from '../config/model.js';
import { persistenceOf } from '../config/persistence.js';
import type { Profile } from '../platform/profile.js';
import type { BrokerDefinition } from '../pm2/definition.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { KEEPER_SCRIPT } from './script.js';

/** The pm2 process that keeps the broker working between our runs (it replaced `mqtt-logs`). */
export const KEEPER_NAME = 'mqtt-keeper';
/** The log keeper of earlier versions: removed where found, its work is the keeper's now. */
export const LEGACY_LOG_KEEPER = 'mqtt-logs';

/** Every pm2 process of ours, the legacy one included (uninstall removes them, the saved list holds them). */
export const OUR_PROCESSES = [PROCESS_NAME, KEEPER_NAME, LEGACY_LOG_KEEPER];

/** A log above this size is moved to FILE.1 (the one old file kept) and started afresh. */
export const MAX_LOG_BYTES = 1024 * 1024;

/** How often the keeper checks, in seconds: the default and the range `--check-every` takes. */
export const CHECK_EVERY = { default: 60, min: 5, max: 3600 } as const;

/** Where in the definition's args the interval is (after `-c SCRIPT NAME`). */
const EVERY_AT = 3;

/**
 * The interval a test asks for through the environment (GATE_MQTT_KEEPER_SECONDS, 1 and up: tests
 * cannot wait minutes), else undefined.
 */
export function testInterval(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const asked = Number(env.GATE_MQTT_KEEPER_SECONDS);
  return Number.isInteger(asked) && asked > 0 && asked <= CHECK_EVERY.max ? asked : undefined;
}

/** The interval a keeper definition on disk holds (a run without --check-every keeps it). */
export function definedInterval(text: string | undefined): number | undefined {
  try {
    const app = (JSON.parse(text ?? '') as { apps?: Array<{ name?: string; args?: unknown[] }> }).apps?.[0];
    const every = Number(app?.name === KEEPER_NAME ? app.args?.[EVERY_AT] : undefined);
    return Number.isInteger(every) && every > 0 ? every : undefined;
  } catch {
    return undefined;
  }
}

export interface KeeperSettings {
  every: number;
  /** The broker's own listener, as the round trip reaches it. */
  target: { host: string; port: number };
  /** The config in force (undefined: none could be read: no database, no bridges to watch). */
  model: ConfModel | undefined;
}

/** The keeper's pm2 definition: sh running KEEPER_SCRIPT with every value it needs as an argument. */
export function keeperDefinition(profile: Profile, settings: KeeperSettings): BrokerDefinition {
  const { paths } = profile;
  const persistence = settings.model ? persistenceOf(settings.model, paths.home) : { on: false as const };
  const db = persistence.on ? persistence.file : '';
  // stored in a backup as the backup store stores a file (fsx/backups.ts), so `config backups` lists it
  const stored = db ? path.join('files', path.relative(paths.root || '/', db).replace(/^(\.\.\/)+/, '')) : '';
  return {
    name: KEEPER_NAME,
    script: profile.shell,
    args: [
      '-c',
      KEEPER_SCRIPT,
      KEEPER_NAME,
      String(settings.every),
      String(MAX_LOG_BYTES),
      paths.stateDir,
      paths.keeperLog,
      settings.target.host,
      String(settings.target.port),
      profile.pm2.home,
      profile.pm2.node,
      profile.pm2.script,
      paths.lockFile,
      paths.brokerLog,
      db,
      paths.backupDir,
      stored,
      JSON.stringify(db),
      JSON.stringify(stored),
      String(settings.model?.bridges.length ?? 0),
      paths.brokerLog,
      profile.pm2.daemonLog,
      paths.keeperLog,
    ],
    interpreter: 'none',
    autorestart: true,
    exp_backoff_restart_delay: 1000,
    min_uptime: 5000,
    kill_timeout: 1000,
    out_file: '/dev/null',
    error_file: '/dev/null',
    merge_logs: true,
    cwd: paths.home,
  };
}

/** Whether a process's argv is a keeper of the gateway whose state lives in `stateDir`. */
export function isKeeperOf(argv: string[], stateDir: string): boolean {
  // sh -c SCRIPT NAME EVERY MAX STATE_DIR …
  return argv[1] === '-c' && argv[3] === KEEPER_NAME && argv[6] === stateDir;
}
