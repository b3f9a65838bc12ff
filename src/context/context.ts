import type { DeviceWriter } from '../fsx/writer.js';
import type { Profile } from '../platform/profile.js';
import type { Pm2 } from '../pm2/pm2.js';
import type { DryRunPlan } from '../run/plan.js';
import type { Runner } from '../run/runner.js';
import type { Output } from '../ui/output.js';
import type { RunLog } from '../ui/run-log.js';

export type { OutputOptions } from '../ui/output.js';

/** Everything a command needs, built once by the CLI and handed down; no module keeps state. */
export interface Context extends Output {
  profile: Profile;
  /** Starts programs (the only place that does). */
  runner: Runner;
  /** Changes device files (the only place that does). */
  writer: DeviceWriter;
  pm2: Pm2;
  /** What a dry run would have done (the runner and the writer record here). */
  plan: DryRunPlan;
  log: RunLog;
  dryRun: boolean;
}
