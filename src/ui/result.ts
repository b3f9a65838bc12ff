/** The JSON shapes of shared/CLI.md. */
import type { OutcomeId } from '../checks/check.js';

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

export interface CommandResult {
  command: string;
  ok: boolean;
  changed: boolean;
  steps: StepRecord[];
  error: null | { code: number; message: string; hint?: string };
  /** dry-run only: what would have been run or written. */
  planned?: string[];
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckRecord {
  id: OutcomeId;
  status: CheckStatus;
  detail: string;
  hint: string | null;
  ms?: number;
}

export interface DoctorResult {
  command: 'doctor';
  ok: boolean;
  target: string;
  checks: CheckRecord[];
  /** How many checks passed, warned, failed. */
  counts?: { pass: number; warn: number; fail: number };
  /** Present when the terminal was made by util-linux script (node-pty does not load here). */
  pty?: 'script';
  fixes?: Array<{ id: string; action: string; ok: boolean; detail: string }>;
  before?: CheckRecord[];
}
