import { t } from '../i18n/translate.js';
import { ExitCode, GateError } from '../model/errors.js';
import { crashPoint } from './fault.js';
import { childProcess } from './lazy-builtins.js';
import type { DryRunPlan } from './plan.js';
import { shQuote } from './quote.js';

/**
 * The one place programs start. A program is data, `[file, args]`, started directly: no shell, so no
 * rc file, profile or BASH_ENV runs and nothing is parsed. stdin is /dev/null, the environment is the
 * profile's small one (HOME set deliberately) unless a call gives another, and every call has a
 * timeout that is reported as a timeout. (The project's own scripts, scripts/, use zx: there a shell is
 * the point. Nothing here does.)
 */

/** A program and its arguments as data: values are never glued into a shell string. */
export type Command = readonly [file: string, args: readonly string[]];

export interface RunOptions {
  /** Milliseconds before the program is stopped (SIGTERM, then SIGKILL); every call has one. */
  timeoutMs?: number;
  env?: Record<string, string>;
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
  /** Stopped because its time was up. */
  timedOut: boolean;
  /** The program could not be started at all (ENOENT, EACCES). */
  startError?: string;
  ms: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** After SIGTERM at a timeout, how long a program gets before SIGKILL. */
const KILL_GRACE_MS = 2000;
/** Output beyond this is dropped (a runaway program must not fill our memory). */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** Shows a command the way a person would type it (quoted), for logs, errors and dry-run. */
export function describeCommand([file, args]: Command): string {
  return [file, ...args].map((part) => shQuote(part)).join(' ');
}

export function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/** Why a program did not succeed, in one line: a timeout says so and how long it waited. */
export function describeFailure(command: string, result: RunResult, timeoutMs: number): string {
  if (result.startError) return t('{{command}} could not start: {{error}}', { command, error: result.startError });
  if (result.timedOut) return t('{{command}} timed out after {{ms}} ms (stopped)', { command, ms: timeoutMs });
  const why =
    result.exitCode !== null
      ? t('exit {{code}}', { code: result.exitCode })
      : result.signal
        ? t('stopped by {{signal}}', { signal: result.signal })
        : t('stopped by a signal');
  const output = tail(result.stderr || result.stdout);
  return output
    ? t('{{command}} failed ({{why}}): {{output}}', { command, why, output })
    : t('{{command}} failed ({{why}})', { command, why });
}

/** Thrown when a program fails: an expected failure (exit 1) that carries the command and its result. */
export class CommandError extends GateError {
  constructor(
    readonly command: string,
    readonly result: RunResult,
    timeoutMs: number,
  ) {
    super(
      ExitCode.failed,
      describeFailure(command, result, timeoutMs),
      t('the run log has its whole output: gate-mqtt logs --ours'),
    );
    this.name = 'CommandError';
  }
}

/** Kills a program and everything it started (it leads its own process group). */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

interface Started {
  result: Promise<RunResult>;
  /** Stops the program early (the result then has neither timedOut nor an error of its own). */
  stop(): void;
  onOutput(listener: (text: string) => void): void;
}

function start(
  command: Command,
  env: Record<string, string>,
  timeoutMs: number,
  cwd: string | undefined,
  live: Set<number>,
): Started {
  const [file, args] = command;
  const began = Date.now();
  const listeners: Array<(text: string) => void> = [];
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const child = childProcess().spawn(file, [...args], {
    env,
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: false,
    detached: true,
  });
  if (child.pid) live.add(child.pid);
  const collect = (which: 'out' | 'err') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (which === 'out' && stdout.length < MAX_OUTPUT_BYTES) stdout += text;
    if (which === 'err' && stderr.length < MAX_OUTPUT_BYTES) stderr += text;
    for (const listener of listeners) listener(text);
  };
  child.stdout.on('data', collect('out'));
  child.stderr.on('data', collect('err'));
  let killer: NodeJS.Timeout | undefined;
  const stopNow = () => {
    killGroup(child.pid, 'SIGTERM');
    killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stopNow();
  }, timeoutMs);
  const result = new Promise<RunResult>((resolve) => {
    const finish = (extra: Partial<RunResult>) => {
      clearTimeout(timer);
      clearTimeout(killer);
      if (child.pid) live.delete(child.pid);
      resolve({
        exitCode: null,
        signal: null,
        stdout,
        stderr,
        skipped: false,
        timedOut,
        ms: Date.now() - began,
        ...extra,
      });
    };
    child.once('error', (error: NodeJS.ErrnoException) =>
      finish({ exitCode: 127, startError: `${error.code ?? error.message} (${file})` }),
    );
    child.once('close', (code, signal) => finish({ exitCode: code, signal }));
  });
  return { result, stop: stopNow, onOutput: (listener) => listeners.push(listener) };
}

export class Runner {
  /** The process groups of programs running now (each leads its own). */
  private readonly live = new Set<number>();

  constructor(
    readonly plan: DryRunPlan,
    /** The environment programs get when a call names none (the profile's). */
    readonly env: Record<string, string> = { PATH: '/usr/bin:/bin' },
  ) {}

  /** Runs and returns the result whatever the exit code. */
  async run(command: Command, options: RunOptions = {}): Promise<RunResult> {
    if (this.plan.active && options.mutates) {
      this.plan.add(describeCommand(command));
      return { exitCode: 0, signal: null, stdout: '', stderr: '', skipped: true, timedOut: false, ms: 0 };
    }
    if (options.mutates) crashPoint(`run:${command[0].split('/').pop()}`);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return start(command, options.env ?? this.env, timeoutMs, options.cwd, this.live).result;
  }

  /** Runs and throws a CommandError unless the program exits 0. */
  async check(command: Command, options: RunOptions = {}): Promise<RunResult> {
    const result = await this.run(command, options);
    if (result.exitCode !== 0)
      throw new CommandError(describeCommand(command), result, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return result;
  }

  /**
   * Starts a long-running program and watches its output until `until` matches (then stops it), it
   * exits by itself, or the time is up (then stops it). Used for a broker's trial start.
   */
  async watch(
    command: Command,
    options: { until: RegExp; timeoutMs: number; env?: Record<string, string> },
  ): Promise<{ matched: boolean; exitCode: number | null; output: string; timedOut: boolean }> {
    const started = start(command, options.env ?? this.env, options.timeoutMs, undefined, this.live);
    let output = '';
    let matched = false;
    started.onOutput((text) => {
      output += text;
      if (!matched && options.until.test(output)) {
        matched = true;
        started.stop();
      }
    });
    const result = await started.result;
    const why = result.startError ? `\n${result.startError}` : '';
    return {
      matched,
      exitCode: matched ? null : result.exitCode,
      output: output + why,
      timedOut: !matched && result.timedOut,
    };
  }

  /** Kills every program this runner has running, with all they started (a run that must stop at once). */
  stopAll(): void {
    for (const pid of this.live) killGroup(pid, 'SIGKILL');
    this.live.clear();
  }

  /** Runs a program on the user's terminal (an editor): stdin, stdout and stderr are inherited. */
  interactive(command: Command, env: Record<string, string>): Promise<number | null> {
    const [file, args] = command;
    return new Promise((resolve) => {
      const child = childProcess().spawn(file, [...args], { env, stdio: 'inherit', shell: false });
      child.once('error', () => resolve(127));
      child.once('close', (code) => resolve(code));
    });
  }
}
