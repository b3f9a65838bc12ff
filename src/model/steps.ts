import { msg, t } from '../i18n/translate.js';
import type { GateError } from './errors.js';
import type { Pm2Process } from './processes.js';
import type { StepRecord } from './results.js';

/** Why the broker is (re)started: every restart names at least one, in the step detail and in JSON. */
export type RestartReason =
  | 'config-changed'
  | 'binary-changed'
  | 'definition-changed'
  | 'config-newer-than-broker'
  | 'broker-down'
  | 'orphan-replaced'
  | 'rolled-back'
  | 'database-set-aside'
  | 'certificate-changed'
  | 'users-changed';

/** The English texts (message keys); describeReasons shows them in the chosen language. */
export const RESTART_REASON_TEXT: Record<RestartReason, string> = {
  'config-changed': msg('the config changed'),
  'binary-changed': msg('the broker binary changed'),
  'definition-changed': msg("the broker's pm2 definition changed"),
  'config-newer-than-broker': msg('the broker started before its config was last written'),
  'broker-down': msg('the broker was not running'),
  'orphan-replaced': msg('a broker outside pm2 was replaced'),
  'rolled-back': msg('the previous config was put back'),
  'database-set-aside': msg("the broker's persistence database was moved into the backups"),
  'certificate-changed': msg('a TLS certificate changed'),
  'users-changed': msg('the password or ACL file changed'),
};

/**
 * What the steps of one run have learned, for the steps after them. Steps never assign to it: each
 * returns what it learned and the pipeline runner merges it, so every fact has one visible source.
 */
export interface RunFacts {
  /** The broker binary and its version. */
  mosquitto?: string;
  mosquittoVersion?: string;
  /** Where the broker is checked: the first listener of the config in force. */
  target: { host: string; port: number };
  /** For the round trip when the broker refuses anonymous clients (--auth). */
  credentials?: { username: string; password: string };
  /** Why the broker must restart in this run; empty: a healthy broker is left alone. */
  restartReasons: RestartReason[];
  /** What pm2 showed of the broker when this run left it alone. */
  broker?: Pm2Process;
  /** This run started or restarted the broker (so it may stop it again when it cannot serve). */
  brokerStarted: boolean;
  /** The config text this run replaced (what a rollback puts back); undefined when none was replaced. */
  replacedConfig?: string;
  /** The whole new config a config change writes (composed from the config on disk under the lock). */
  candidate?: string;
  /** Dry run: files a step would write, and the throwaway copies at other paths the new config is validated with. */
  standIns?: Record<string, string>;
}

export type LearnedFacts = Partial<Omit<RunFacts, 'restartReasons'>>;

/** What a step did: whether it changed the device, one line saying what it found or did, and what it learned. */
export interface StepOutcome {
  changed: boolean;
  detail: string;
  /** The step had nothing to do here (dry-run, not applicable); `detail` says why. */
  skipped?: boolean;
  learned?: LearnedFacts;
  /** This step changed something the running broker must restart to read. */
  needsRestart?: RestartReason;
  /** This step (re)started the broker, for these reasons (recorded in the step's JSON). */
  restarted?: RestartReason[];
  /** Done, but found something a person should act on (`detail` says what; this, what to do). */
  warning?: string;
}

/** One unit of work of a pipeline. Steps know nothing of rendering; the pipeline runner records them. */
export interface Step {
  id: string;
  title: string;
  run(facts: Readonly<RunFacts>): Promise<StepOutcome>;
}

/** One command's work: its steps after the preflight, in order; every command with steps has one. */
export interface Pipeline {
  /** Names the result, the run log and the lock's owner ("provision", "config apply", …). */
  command: string;
  steps: Step[];
  /** The listener port the broker is checked on when the config on disk does not say (--port). */
  port?: number;
}

/** The outcome of one step as the views see it: its record, and the error that stops the run. */
export interface StepRun {
  record: StepRecord;
  error?: GateError;
}

export const done = (detail: string, changed = false, extra: Partial<StepOutcome> = {}): StepOutcome => ({
  changed,
  detail,
  ...extra,
});

export const skipped = (detail: string): StepOutcome => ({ changed: false, detail, skipped: true });

/** The facts a run starts from: where the broker is checked, nothing learned, no restart asked for. */
export function initialFacts(target: { host: string; port: number }): RunFacts {
  return { target, restartReasons: [], brokerStarted: false };
}

/** Folds one step's outcome into the facts (the runner's only way of changing them). */
export function mergeFacts(facts: RunFacts, outcome: StepOutcome): RunFacts {
  const reasons =
    outcome.needsRestart && !facts.restartReasons.includes(outcome.needsRestart)
      ? [...facts.restartReasons, outcome.needsRestart]
      : facts.restartReasons;
  return { ...facts, ...outcome.learned, restartReasons: reasons };
}

export function describeReasons(reasons: readonly RestartReason[]): string {
  return reasons.map((reason) => t(RESTART_REASON_TEXT[reason])).join('; ');
}
