import type { DeviceWriter } from './fsx/writer.js';
import type { Profile } from './platform/profile.js';
import type { Pm2 } from './pm2/pm2.js';
import type { DryRunPlan } from './run/plan.js';
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
  /** Starts programs (the only place that does). */
  runner: Runner;
  /** Changes device files (the only place that does). */
  writer: DeviceWriter;
  pm2: Pm2;
  /** What a dry run would have done (the runner and the writer record here). */
  plan: DryRunPlan;
  log: RunLog;
  secrets: Secrets;
  output: OutputOptions;
  dryRun: boolean;
  /** Where human-readable lines go (stdout, or stderr under --json). */
  print: (line: string) => void;
}
