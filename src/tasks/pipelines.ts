import type { FixAction } from '../checks/check.js';
import type { Context } from '../context.js';
import type { CommandResult } from '../ui/result.js';
import { type AuthOptions, passwordStep } from './auth.js';
import { brokerProcessStep } from './broker-process.js';
import { factoryConfigStep, folderStep } from './config.js';
import { exposureStep } from './exposure.js';
import { logKeeperStep } from './log-keeper.js';
import { mosquittoInstallStep, mosquittoVersionStep } from './mosquitto.js';
import { packageInstallStep } from './packages.js';
import { runPipeline } from './pipeline.js';
import { pm2InstalledStep, saveStep } from './pm2.js';
import { type ResetOptions, resetBackupStep, resetConfigStep } from './reset.js';
import { startupStep } from './startup.js';
import { initialFacts, type Step } from './step.js';
import { verifyStep } from './verify.js';

/**
 * The jobs that bring a gateway to a serving broker, declared once. Each is the preflight (added by the
 * runner, with the lock) and then: the programs it needs, the config it wants, and the broker served.
 */

/**
 * mosquitto and pm2 present and recent enough, the folders in place: checked before any config is written.
 * With a folder of package files, mosquitto comes from there (offline).
 */
const programs = (ctx: Context, packagesDir?: string): Step[] => [
  packagesDir ? packageInstallStep(ctx, packagesDir) : mosquittoInstallStep(ctx),
  mosquittoVersionStep(ctx),
  pm2InstalledStep(ctx),
  folderStep(ctx),
];

/**
 * Who can reach the broker (refused with --refuse-exposed), then the broker under pm2 (restarted only
 * for a reason), proven to answer, saved, started at boot.
 */
const serve = (ctx: Context, refuseExposed = false): Step[] => [
  exposureStep(ctx, { refuse: refuseExposed }),
  brokerProcessStep(ctx),
  verifyStep(ctx),
  logKeeperStep(ctx),
  saveStep(ctx),
  startupStep(ctx),
];

export interface ProvisionOptions {
  port: number;
  /** The opt-in --auth profile: anonymous clients refused, this user in the password file. */
  auth?: AuthOptions;
  /** Do not serve an anonymous broker that answers on an address outside the local networks. */
  refuseExposed?: boolean;
  /** Install mosquitto from this folder of package files (no network). */
  packagesDir?: string;
}

/** First boot: from nothing to a broker that answers, runs under pm2 and comes back after a reboot. */
export function provisionSteps(ctx: Context, options: ProvisionOptions): Step[] {
  return [
    ...programs(ctx, options.packagesDir),
    ...(options.auth ? [passwordStep(ctx, options.auth)] : []),
    factoryConfigStep(ctx, { port: options.port, auth: options.auth !== undefined }),
    ...serve(ctx, options.refuseExposed),
  ];
}

/** Factory reset from any broken state: back up, factory config, drop bridges and files we made, serve. */
export function resetSteps(ctx: Context, options: ResetOptions): Step[] {
  return [...programs(ctx), resetBackupStep(ctx, options), resetConfigStep(ctx, options), ...serve(ctx)];
}

/**
 * `doctor --fix`: the programs and the factory config when none exists (an existing config is never
 * touched), then only the parts of serving that the failed checks call for.
 */
export function fixSteps(ctx: Context, actions: readonly FixAction[], port: number): Step[] {
  if (actions.length === 0) return [];
  const wants = (...some: FixAction[]) => some.some((action) => actions.includes(action));
  const [exposure, brokerProcess, verify, logKeeper, save, startup] = serve(ctx);
  return [
    ...programs(ctx),
    factoryConfigStep(ctx, { port, auth: false }),
    ...(wants('start-broker', 'write-factory-config') ? [exposure!, brokerProcess!, verify!] : []),
    ...(wants('start-broker', 'register-startup') ? [logKeeper!, save!, startup!] : []),
  ];
}

export function runProvision(ctx: Context, options: ProvisionOptions): Promise<CommandResult> {
  return runPipeline(ctx, 'provision', provisionSteps(ctx, options), initialFacts(options.port));
}

export function runReset(ctx: Context, options: ResetOptions): Promise<CommandResult> {
  return runPipeline(ctx, 'reset', resetSteps(ctx, options), initialFacts(options.port));
}

export function runFixes(ctx: Context, actions: readonly FixAction[], port: number): Promise<CommandResult> {
  return runPipeline(ctx, 'doctor --fix', fixSteps(ctx, actions, port), initialFacts(port));
}
