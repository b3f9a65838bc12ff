import { findProcesses, type ProcInfo } from '../platform/proc.js';
import { isKeeperOf } from './definition.js';

/** Every keeper of this gateway (its state folder in its argv), under pm2 or not. */
export function keepersRunning(stateDir: string, proc = '/proc'): Promise<ProcInfo[]> {
  return findProcesses((argv) => isKeeperOf(argv, stateDir), proc);
}

/**
 * Keepers pm2 does not run: pm2's daemon was killed and left its child running. A keeper notices that at
 * its next check and ends; recovery ends it at once, so two never restart one broker.
 */
export async function orphanKeepers(stateDir: string, pm2Pid: number | undefined, proc = '/proc'): Promise<ProcInfo[]> {
  return (await keepersRunning(stateDir, proc)).filter((keeper) => keeper.pid !== pm2Pid);
}
