import { closeSync, constants, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { makeDirsSync } from '../fsx/dirs.js';
import type { Secrets } from './secrets.js';

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
  ) {}

  private open(file: string): number | undefined {
    if (this.fd !== undefined || this.failed) return this.fd;
    try {
      makeDirsSync(path.dirname(file));
      const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
      this.fd = openSync(file, flags, 0o600);
    } catch (error) {
      this.failed = true;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ELOOP' ? 'it is a symbolic link' : code;
      process.stderr.write(`warning: not writing the run log ${file} (${why}); the run goes on\n`);
    }
    return this.fd;
  }

  write(message: string): void {
    const text = this.secrets.scrub(message).replace(/[\r\n]+/g, ' | ');
    const line = `${new Date().toISOString()} [${this.command}] ${text}`;
    this.echo?.(line);
    const fd = this.file ? this.open(this.file) : undefined;
    if (fd === undefined) return;
    try {
      writeSync(fd, `${line}\n`);
    } catch {
      // A log that cannot be written (full disk) must not turn a good run into a failed one.
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
