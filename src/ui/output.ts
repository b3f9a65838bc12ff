import type { Secrets } from './secrets.js';

export interface OutputOptions {
  json: boolean;
  verbose: boolean;
  color: boolean;
  /** A person is at a terminal (listr2's live renderer, prompts). */
  interactive: boolean;
}

/** Where a run's lines for people go and how they are shown (the run's context is one). */
export interface Output {
  output: OutputOptions;
  /** Prints one line for people (stdout, or stderr under --json). */
  print(line: string): void;
  /** What never shows: every printed line and JSON document is scrubbed. */
  secrets: Secrets;
}
