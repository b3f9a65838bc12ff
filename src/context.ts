import type { Profile } from './platform/profile.js';
import type { Pm2 } from './pm2/pm2.js';
import type { Runner } from './run/runner.js';
import type { RunLog } from './ui/run-log.js';
import type { Secrets } from './ui/secrets.js';

export interface OutputOptions {
  json: boolean;
  verbose: boolean;
  color: boolean;
  /** A person is at a terminal (listr2's live renderer, prompts). */
  interactive: boolean;
}

/** Everything a command needs, built once by the CLI and handed down; no module keeps state. */
export interface Context {
  profile: Profile;
  runner: Runner;
  pm2: Pm2;
  log: RunLog;
  secrets: Secrets;
  output: OutputOptions;
  dryRun: boolean;
  /** Where human-readable lines go (stdout, or stderr under --json). */
  print: (line: string) => void;
}
