import { stat } from 'node:fs/promises';
import type { Pm2Process } from '../pm2/pm2.js';

/**
 * True when the running broker started before its config was last written (a run killed between the
 * write and the restart, or a hand edit): it still serves the old config and must restart to converge.
 */
export async function runsOlderConfig(configFile: string, broker: Pm2Process | undefined): Promise<boolean> {
  if (!broker?.uptimeSince) return false;
  const info = await stat(configFile).catch(() => undefined);
  return info !== undefined && info.mtimeMs > broker.uptimeSince;
}
