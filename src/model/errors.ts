import { msg, t } from '../i18n/translate.js';

/** Exit codes of the CLI contract (shared/CLI.md), and 70 (EX_SOFTWARE) for a bug of ours. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  badInput: 2,
  locked: 3,
  unsupported: 4,
  /** An unexpected exception: a bug, told apart from every expected failure (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM, after finishing or undoing the change under way (128 + signal). */
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An expected failure with the exit code it maps to. The message is one line meant for the user and
 * must never hold a secret.
 */
export class GateError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
    readonly hint?: string,
    /** For an internal error: what was thrown (its stack goes to the run log, never to the screen). */
    readonly internal?: unknown,
  ) {
    super(oneLine(message));
    this.name = 'GateError';
  }
}

export const badInput = (message: string, hint?: string) => new GateError(ExitCode.badInput, message, hint);
export const failed = (message: string, hint?: string) => new GateError(ExitCode.failed, message, hint);
export const unsupported = (message: string, hint?: string) => new GateError(ExitCode.unsupported, message, hint);

/** Collapses whitespace runs (including newlines) so a message always fits one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' | ').trim();
}

/** A failure of the system below us (ENOSPC, EACCES, ECONNREFUSED…): Node's errors carry such a code. */
function systemError(error: unknown): NodeJS.ErrnoException | undefined {
  const err = error as NodeJS.ErrnoException | undefined;
  return err instanceof Error && typeof err.code === 'string' && /^E[A-Z0-9]+$/.test(err.code) ? err : undefined;
}

// The system's error codes in words (Node's own texts are English); the code stays in parentheses.
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: msg('no such file or folder'),
  EACCES: msg('permission denied'),
  EPERM: msg('not permitted'),
  EISDIR: msg('it is a folder'),
  ENOTDIR: msg('a part of the path is not a folder'),
  EROFS: msg('read-only file system'),
  EEXIST: msg('it exists already'),
  ELOOP: msg('it is a symbolic link'),
  ENOSPC: msg('no space left on device'),
  ECONNREFUSED: msg('connection refused'),
  ETIMEDOUT: msg('timed out'),
  EHOSTUNREACH: msg('the host cannot be reached'),
  EADDRINUSE: msg('the address is in use'),
  EMFILE: msg('too many open files'),
  EIO: msg('input/output error'),
};

/** "no such file or folder (ENOENT)": a system error code in the technician's words. */
export function errnoText(code: string | undefined): string {
  if (!code) return t('a system error');
  const words = ERRNO_WORDS[code];
  return words ? `${t(words)} (${code})` : code;
}

/**
 * Turns anything thrown into a GateError. Expected failures keep their codes: ours (GateError), and the
 * system's (a full disk, a read-only folder, a refused connection: exit 1 with what it said). Anything
 * else (a TypeError, say) is a bug: exit 70, "internal error: …, please report it", the error kept for
 * the run log.
 */
export function asGateError(error: unknown): GateError {
  if (error instanceof GateError) return error;
  const err = systemError(error);
  if (err?.code === 'ENOSPC')
    return failed(
      err.path === undefined
        ? t('no space left on device while writing a file')
        : t('no space left on device while writing {{file}}', { file: err.path }),
      t('free some space on the device and run again'),
    );
  if (err && (err.code === 'EROFS' || err.code === 'EACCES' || err.code === 'EPERM')) {
    const message =
      err.path === undefined
        ? t('cannot write a file: {{code}}', { code: errnoText(err.code) })
        : t('cannot write {{file}}: {{code}}', { file: err.path, code: errnoText(err.code) });
    return failed(message, t('check the folder is writable by this user'));
  }
  if (err) {
    // what it was about: a file, or an address for a socket error
    const { address, port } = err as { address?: string; port?: number };
    const about = err.path ?? (address ? (port ? `${address}:${port}` : address) : undefined);
    const why = errnoText(err.code);
    return failed(
      about ? t('{{file}}: {{why}}', { file: about, why }) : why,
      t('run again with --verbose, and see gate-mqtt doctor'),
    );
  }
  const message = (error instanceof Error ? error.message : String(error)) || String(error);
  return new GateError(
    ExitCode.internal,
    t('internal error: {{message}}, please report it', { message }),
    t('the run log holds the details'),
    error,
  );
}

/** An internal error's hint names the file that holds its stack. */
export function pointToLog(error: GateError, file: string | undefined): GateError {
  if (error.exitCode !== ExitCode.internal || !file) return error;
  return new GateError(error.exitCode, error.message, t('the details are in {{file}}', { file }), error.internal);
}

/** The lines of an internal error's stack, for the run log (one log line each). */
export function stackLines(error: GateError): string[] {
  const cause = error.internal;
  const stack = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
  return stack.split('\n').map((line) => line.trimEnd());
}
