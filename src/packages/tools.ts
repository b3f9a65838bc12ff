import type { DeviceWriter } from '../fsx/writer.js';
import type { Profile } from '../platform/profile.js';
import type { DryRunPlan } from '../run/plan.js';
import type { Runner } from '../run/runner.js';

/** What installing a package needs of a run: paths, programs, the device writer (a run's context is one). */
export interface PackageTools {
  profile: Profile;
  runner: Runner;
  writer: DeviceWriter;
  plan: DryRunPlan;
  dryRun: boolean;
}
