import type { Profile } from '../platform/profile.js';
import type { CheckStatus } from '../ui/result.js';

/** Every doctor check there is; a check's module, its fix and its tests name it by this type. */
export type CheckId =
  | 'mosquitto.installed'
  | 'mosquitto.version'
  | 'config.present'
  | 'config.valid'
  | 'config.security'
  | 'network.exposure'
  | 'pm2.process'
  | 'broker.orphan'
  | 'startup.registered'
  | 'broker.listening'
  | 'broker.roundtrip'
  | 'bridge'
  | 'disk.space'
  | 'log.errors'
  | 'broker.reachable';

/** The id an outcome carries: its check's, or `bridge.<name>` (one outcome per bridge). */
export type OutcomeId = Exclude<CheckId, 'bridge'> | `bridge.${string}`;

export interface CheckOutcome {
  id: OutcomeId;
  status: CheckStatus;
  detail: string;
  hint: string | null;
}

export const pass = (id: OutcomeId, detail: string): CheckOutcome => ({ id, status: 'pass', detail, hint: null });
export const warn = (id: OutcomeId, detail: string, hint: string): CheckOutcome => ({
  id,
  status: 'warn',
  detail,
  hint,
});
export const fail = (id: OutcomeId, detail: string, hint: string): CheckOutcome => ({
  id,
  status: 'fail',
  detail,
  hint,
});

/** What a probe printed on the device. */
export interface ProbeOutput {
  output: string;
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
}

/** Runs probe scripts on the device (over the pty), each once per doctor run. */
export interface Prober {
  probe(key: string, script: string, timeoutMs?: number): Promise<ProbeOutput>;
}

/** The safe repairs `doctor --fix` knows; a check names the one that repairs it. */
export type FixAction = 'install-broker' | 'write-factory-config' | 'start-broker' | 'register-startup';

/** What a check may use: the device (through probes), its profile, and the probes several checks share. */
export interface CheckEnv {
  prober: Prober;
  profile: Profile;
  /** For a remote target: the host this machine reaches the device at. */
  remoteHost?: string;
  /** A random token of this round of checks (the round trip's topic and payload). */
  token: string;
}

/** One doctor check: its probe and pure judge live in its own module; the catalog lists the modules. */
export interface CheckModule {
  id: CheckId;
  title: string;
  /** Whether the check applies to this target (default: always). */
  appliesTo?(env: CheckEnv): boolean;
  /** Probes the device and judges: one outcome, or several (one per bridge). */
  run(env: CheckEnv): Promise<CheckOutcome[]>;
  /** The safe fix `doctor --fix` applies when this check fails. */
  fix?: FixAction;
}

/** `key=value` lines are how probes report. */
export function field(output: string, key: string): string | undefined {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(output)?.[1];
}
