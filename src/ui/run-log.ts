import { closeSync, constants, lstatSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { makeDirsSync } from '../fsx/dirs.js';
import { t } from '../i18n/translate.js';
import { ExitCode, type GateError, stackLines } from '../model/errors.js';
import type { Secrets } from './secrets.js';

/** A run log above this size is rotated when a run opens it (one old file, FILE.1, is kept), like the broker's. */
export const MAX_RUN_LOG_BYTES = 1024 * 1024;

/** Moves a grown log aside (a link at its name is moved, never followed); a log that cannot be is left. */
function rotate(file: string): void {
  try {
    const info = lstatSync(file);
    if (info.isFile() && info.size > MAX_RUN_LOG_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

/**
 * The log file of one run (appended; unattended runs leave their story there). Writes are synchronous
 * so the lines before a crash or a kill are on disk. The file is opened without following a link
 * planted at its name; a log that cannot be opened is said once on stderr and the run goes on.
 */
export class RunLog {
  private fd: number | undefined;
  private failed = false;

  constructor(
    readonly file: string | undefined,
    readonly command: string,
    readonly secrets: Secrets,
    readonly echo?: (line: string) => void,
    /** Where a bug's stack goes when this run keeps no log of its own (status, say). */
    readonly crashLog?: string,
  ) {}

  private open(file: string): number | undefined {
    if (this.fd !== undefined || this.failed) return this.fd;
    try {
      makeDirsSync(path.dirname(file));
      rotate(file);
      const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
      this.fd = openSync(file, flags, 0o600);
    } catch (error) {
      this.failed = true;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ELOOP' ? t('it is a symbolic link') : String(code);
      process.stderr.write(
        `${t('warning: not writing the run log {{file}} ({{why}}); the run goes on', { file, why })}\n`,
      );
    }
    return this.fd;
  }

  write(message: string, file = this.file): void {
    const text = this.secrets.scrub(message).replace(/[\r\n]+/g, ' | ');
    const line = `${new Date().toISOString()} [${this.command}] ${text}`;
    this.echo?.(line);
    const fd = file ? this.open(file) : undefined;
    if (fd === undefined) return;
    try {
      writeSync(fd, `${line}\n`);
    } catch {
      // A log that cannot be written (full disk) must not turn a good run into a failed one.
    }
  }

  /**
   * A failure, in one line; a bug's (exit 70) with its stack after it, a line each, in the run log or,
   * when this run keeps none, in its command's log file. Returns the file that holds it.
   */
  failure(where: string, error: GateError): string | undefined {
    const file = error.exitCode === ExitCode.internal ? (this.file ?? this.crashLog) : this.file;
    this.write(`failed ${where}: ${error.message}`, file);
    if (error.exitCode === ExitCode.internal) for (const line of stackLines(error)) this.write(`  ${line}`, file);
    return this.fd === undefined ? undefined : file;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
