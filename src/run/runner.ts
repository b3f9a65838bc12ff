import { $, type ProcessOutput, quote } from 'zx';
import type { DryRunPlan } from './plan.js';

/** A program and its arguments as data: values are never glued into a shell string by hand. */
export type Command = readonly [file: string, args: readonly string[]];

export interface RunOptions {
  /** Milliseconds before the program is stopped; every call has one. */
  timeoutMs?: number;
  env?: Record<string, string>;
  input?: string;
  cwd?: string;
  /** The command changes the device: in dry-run it is recorded, not run. */
  mutates?: boolean;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** True when dry-run recorded the command instead of running it. */
  skipped: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Shows a command the way a person would type it (quoted), for logs, errors and dry-run. */
export function describeCommand([file, args]: Command): string {
  return [file, ...args].map((part) => quote(part)).join(' ');
}

export function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/** Thrown when a program fails: it carries the command, its exit code and the tail of its stderr. */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: RunResult,
  ) {
    const why =
      result.exitCode === null ? `stopped by ${result.signal ?? 'a signal'} (timeout)` : `exit ${result.exitCode}`;
    const stderr = tail(result.stderr || result.stdout);
    super(`${command} failed (${why})${stderr ? `: ${stderr}` : ''}`);
    this.name = 'CommandError';
  }
}

/**
 * The one place programs are started. zx quotes every interpolated value; options are set per call,
 * never globally. In dry-run, commands that change the device are only recorded in `planned`.
 */
export class Runner {
  constructor(readonly plan: DryRunPlan) {}

  /** Runs and returns the result whatever the exit code. */
  async run(command: Command, options: RunOptions = {}): Promise<RunResult> {
    if (this.plan.active && options.mutates) {
      this.plan.add(describeCommand(command));
      return { exitCode: 0, signal: null, stdout: '', stderr: '', skipped: true };
    }
    const [file, args] = command;
    const output: ProcessOutput = await $({
      nothrow: true,
      quiet: true,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      input: options.input,
      cwd: options.cwd,
    })`${file} ${args}`;
    return {
      exitCode: output.exitCode,
      signal: output.signal,
      stdout: output.stdout,
      stderr: output.stderr,
      skipped: false,
    };
  }

  /** Runs and throws a CommandError unless the program exits 0. */
  async check(command: Command, options: RunOptions = {}): Promise<RunResult> {
    const result = await this.run(command, options);
    if (result.exitCode !== 0) throw new CommandError(describeCommand(command), result);
    return result;
  }

  /**
   * Starts a long-running program and watches its output until `until` matches (then stops it), it
   * exits by itself, or the time is up (then stops it). Used for a broker's trial start.
   */
  async watch(
    command: Command,
    options: { until: RegExp; timeoutMs: number; env?: Record<string, string> },
  ): Promise<{ matched: boolean; exitCode: number | null; output: string }> {
    const [file, args] = command;
    const child = $({
      nothrow: true,
      quiet: true,
      timeout: options.timeoutMs,
      env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    })`${file} ${args}`;
    let output = '';
    let matched = false;
    const onData = (chunk: Buffer | string) => {
      output += chunk.toString();
      if (!matched && options.until.test(output)) {
        matched = true;
        void child.kill('SIGTERM').catch(() => undefined);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const result = await child;
    return { matched, exitCode: matched ? null : result.exitCode, output };
  }

  /** Runs a program on the user's terminal (an editor): stdin, stdout and stderr are inherited. */
  async interactive(command: Command, env?: Record<string, string>): Promise<number | null> {
    const [file, args] = command;
    const result = await $({
      nothrow: true,
      stdio: 'inherit',
      env: env ?? (process.env as Record<string, string>),
      timeout: 24 * 3600_000,
    })`${file} ${args}`;
    return result.exitCode;
  }
}
