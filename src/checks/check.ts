import type { CheckId, CheckOutcome, FixAction } from '../model/checks.js';
import type { Profile } from '../platform/profile.js';
import type { Target } from '../pty/transports.js';
import type { Command } from '../run/runner.js';

export {
  type CheckId,
  type CheckOutcome,
  type CheckStatus,
  type FixAction,
  fail,
  type OutcomeId,
  pass,
  warn,
} from '../model/checks.js';

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

/** What a check may use: the device (through probes), its profile, and the probes several checks share. */
export interface CheckEnv {
  prober: Prober;
  profile: Profile;
  /** For a remote target: the host this machine reaches the device at. */
  remoteHost?: string;
  /** A random token of this round of checks (the round trip's topic and payload). */
  token: string;
  /** Where the probes run (absent: this device): adb's shell user may do what the gateway's own user may not. */
  target?: Target;
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
  /** What `doctor --fix --target adb` runs in adb's shell when this check fails (rights Termux lacks). */
  adbFix?: readonly Command[];
}

/** `key=value` lines are how probes report. */
export function field(output: string, key: string): string | undefined {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(output)?.[1];
}
