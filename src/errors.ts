import { t } from './i18n/translate.js';

/** Exit codes of the CLI contract (shared/CLI.md). */
export const ExitCode = {
  ok: 0,
  failed: 1,
  badInput: 2,
  locked: 3,
  unsupported: 4,
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

/** Turns anything thrown into a GateError; unknown errors become exit 1 with their message. */
export function asGateError(error: unknown): GateError {
  if (error instanceof GateError) return error;
  const err = error as NodeJS.ErrnoException;
  if (err && err.code === 'ENOSPC')
    return failed(
      err.path === undefined
        ? t('no space left on device while writing a file')
        : t('no space left on device while writing {{file}}', { file: err.path }),
      t('free some space on the device and run again'),
    );
  if (err && (err.code === 'EROFS' || err.code === 'EACCES' || err.code === 'EPERM')) {
    const message =
      err.path === undefined
        ? t('cannot write a file: {{code}}', { code: err.code })
        : t('cannot write {{file}}: {{code}}', { file: err.path, code: err.code });
    return failed(message, t('check the folder is writable by this user'));
  }
  const message = err instanceof Error ? err.message : String(error);
  return failed(message);
}
