import type { CheckStatus } from '../ui/result.js';

export interface CheckOutcome {
  id: string;
  status: CheckStatus;
  detail: string;
  hint: string | null;
}

export const pass = (id: string, detail: string): CheckOutcome => ({ id, status: 'pass', detail, hint: null });
export const warn = (id: string, detail: string, hint: string): CheckOutcome => ({ id, status: 'warn', detail, hint });
export const fail = (id: string, detail: string, hint: string): CheckOutcome => ({ id, status: 'fail', detail, hint });

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

export interface Check {
  id: string;
  title: string;
  /** One outcome, or several (one per bridge). */
  run(): Promise<CheckOutcome[]>;
}
