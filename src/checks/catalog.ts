import { accessOwnClients } from './access-own-clients.js';
import { androidPhantom } from './android-phantom.js';
import { androidWatchdog } from './android-watchdog.js';
import { bridgesCheck } from './bridges.js';
import { brokerListening } from './broker-listening.js';
import { brokerLocalhost } from './broker-localhost.js';
import { brokerOrphan } from './broker-orphan.js';
import { brokerPersistence } from './broker-persistence.js';
import { brokerReachable } from './broker-reachable.js';
import { brokerRoundTrip } from './broker-roundtrip.js';
import type { CheckEnv, CheckId, CheckModule, CheckOutcome } from './check.js';
import { configPresent } from './config-present.js';
import { configSecurity } from './config-security.js';
import { configValid } from './config-valid.js';
import { diskSpace } from './disk-space.js';
import { logErrors } from './log-errors.js';
import { mosquittoInstalled } from './mosquitto-installed.js';
import { mosquittoVersion } from './mosquitto-version.js';
import { networkExposure } from './network-exposure.js';
import { pm2Keeper } from './pm2-keeper.js';
import { pm2Process } from './pm2-process.js';
import { startupRegistered } from './startup-registered.js';
import { tlsExpiry } from './tls-expiry.js';

/** The doctor's checks, in display order. Adding a check: one module here and its test. */
export const CATALOG: readonly CheckModule[] = [
  mosquittoInstalled,
  mosquittoVersion,
  configPresent,
  configValid,
  configSecurity,
  networkExposure,
  pm2Process,
  brokerOrphan,
  pm2Keeper,
  brokerPersistence,
  startupRegistered,
  androidPhantom,
  androidWatchdog,
  brokerListening,
  brokerLocalhost,
  brokerRoundTrip,
  accessOwnClients,
  bridgesCheck,
  tlsExpiry,
  diskSpace,
  logErrors,
  brokerReachable,
];

export function checksFor(env: CheckEnv, catalog: readonly CheckModule[] = CATALOG): CheckModule[] {
  return catalog.filter((check) => check.appliesTo?.(env) ?? true);
}

/** The module an outcome came from (`bridge.<name>` comes from `bridge`). */
export function moduleOf(outcome: CheckOutcome, catalog: readonly CheckModule[] = CATALOG): CheckModule | undefined {
  const id: CheckId = outcome.id.startsWith('bridge.') ? 'bridge' : (outcome.id as CheckId);
  return catalog.find((check) => check.id === id);
}
