import type { Context } from '../context.js';
import type { CheckOutcome } from '../checks/types.js';
import type { Step } from '../ui/steps.js';
import { factoryConfigStep, folderStep } from './config.js';
import { mosquittoSteps } from './mosquitto.js';
import { pm2InstalledStep, pm2ProcessStep, saveStep } from './pm2.js';
import { preflightSteps } from './preflight.js';
import { startupStep } from './startup.js';
import type { RunState } from './state.js';
import { verifyStep } from './verify.js';

const failed = (checks: CheckOutcome[], ...ids: string[]) => checks.some((c) => c.status === 'fail' && ids.includes(c.id));

/**
 * The safe fixes for what failed: install mosquitto, write the factory config when none exists, start
 * `mqtt`, save the process list, write the boot hook. A config that exists is never touched, and a broker
 * whose config is invalid is not restarted (it would only crash again).
 */
export function fixSteps(ctx: Context, state: RunState, checks: CheckOutcome[], port: number): Step[] {
  const steps: Step[] = [];
  const configMissing = failed(checks, 'config.present');
  const configBroken = failed(checks, 'config.valid') && !configMissing;
  const brokerDown = failed(checks, 'pm2.process', 'broker.listening', 'broker.roundtrip');
  const bootBroken = failed(checks, 'startup.registered');
  const anythingToFix = failed(checks, 'mosquitto.installed', 'mosquitto.version') || configMissing || (brokerDown && !configBroken) || bootBroken;
  if (!anythingToFix) return steps;
  steps.push(...preflightSteps(ctx, state, 'doctor --fix'), ...mosquittoSteps(ctx, state), pm2InstalledStep(ctx), folderStep(ctx), factoryConfigStep(ctx, state, port));
  if ((brokerDown || configMissing) && !configBroken) steps.push(pm2ProcessStep(ctx, state), verifyStep(ctx, state));
  if (bootBroken || brokerDown) steps.push(saveStep(ctx, state), startupStep(ctx));
  return steps;
}
