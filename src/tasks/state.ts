import type { Pm2Process } from '../pm2/pm2.js';
import type { Lock } from '../platform/lock.js';

/** What the steps of one run learn and hand on to later steps. */
export interface RunState {
  lock?: Lock;
  mosquitto?: string;
  mosquittoVersion?: string;
  /** The listener the broker is checked on (from the config in force). */
  port: number;
  host: string;
  /** This run started or restarted the broker (so it may stop it again when it cannot serve). */
  startedByUs: boolean;
  /** The config was rewritten by this run (so a running broker must restart to read it). */
  configChanged: boolean;
  /** What pm2 showed of the broker when this run found it online and left it alone. */
  broker?: Pm2Process;
  /** Credentials for the round trip when the broker refuses anonymous clients (--auth). */
  credentials?: { username: string; password: string };
  /** The pm2 process list changed (so it must be saved). */
  processChanged: boolean;
}

export function newRunState(port = 1883): RunState {
  return { port, host: '127.0.0.1', startedByUs: false, configChanged: false, processChanged: false };
}
