/** The JSON documents of shared/CLI.md: what every command prints under --json. */
import type { CheckOutcome } from './checks.js';

export type StepStatus = 'done' | 'skipped' | 'failed';

export interface StepRecord {
  id: string;
  title: string;
  status: StepStatus;
  changed: boolean;
  detail: string;
  /** Only on a step that (re)started the broker: why (config-changed, binary-changed, …). */
  restart?: string[];
  /** Only on a step that is done but found something to act on: what to do (the detail says what it found). */
  warning?: string;
}

export interface ErrorRecord {
  code: number;
  message: string;
  hint?: string;
}

/** provision, reset, config, bridge, upgrade, uninstall, doctor --fix. */
export interface CommandResult {
  command: string;
  ok: boolean;
  changed: boolean;
  steps: StepRecord[];
  error: null | ErrorRecord;
  /** dry-run only: what would have been run or written. */
  planned?: string[];
}

export interface DoctorResult {
  command: 'doctor';
  ok: boolean;
  target: string;
  checks: CheckOutcome[];
  /** How many checks passed, warned, failed. */
  counts?: { pass: number; warn: number; fail: number };
  /** Present when the terminal was made by util-linux script (node-pty does not load here). */
  pty?: 'script';
  fixes?: Array<{ id: string; action: string; ok: boolean; detail: string }>;
  before?: CheckOutcome[];
}
