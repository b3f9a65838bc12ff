import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Secrets } from './secrets.js';

/**
 * The log file of one run (appended; unattended runs leave their story there). Writes are synchronous
 * so the lines before a crash or a kill are on disk.
 */
export class RunLog {
  private opened = false;

  constructor(
    readonly file: string | undefined,
    readonly command: string,
    readonly secrets: Secrets,
    readonly echo?: (line: string) => void,
  ) {}

  write(message: string): void {
    const text = this.secrets.scrub(message).replace(/[\r\n]+/g, ' | ');
    const line = `${new Date().toISOString()} [${this.command}] ${text}`;
    this.echo?.(line);
    if (!this.file) return;
    try {
      if (!this.opened) {
        mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o755 });
        this.opened = true;
      }
      appendFileSync(this.file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A log that cannot be written (full disk, read-only) must not turn a good run into a failed one.
    }
  }
}
