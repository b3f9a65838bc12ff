import path from 'node:path';
import { localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { findProcesses, type ProcInfo } from '../platform/proc.js';
import { processAlive } from '../platform/process-info.js';
import { crashPoint } from '../run/fault.js';

/** How long a broker gets to exit after SIGTERM before SIGKILL (mosquitto saves its persistence first). */
const TERM_GRACE_MS = 5000;

/** Whether argv runs mosquitto on this config file (`mosquitto [opts] -c FILE`). */
export function servesConfig(argv: string[], configFile: string): boolean {
  if (path.basename(argv[0] ?? '') !== 'mosquitto') return false;
  const at = argv.findIndex((arg) => arg === '-c' || arg === '--config-file');
  return at !== -1 && path.resolve(argv[at + 1] ?? '') === path.resolve(configFile);
}

/** Every broker process serving this gateway's config, under pm2 or not. */
export function brokersServing(configFile: string, proc = '/proc'): Promise<ProcInfo[]> {
  return findProcesses((argv) => servesConfig(argv, configFile), proc);
}

/**
 * The brokers serving this config that pm2 does not run: pm2's daemon was killed (Android's
 * phantom-process or low-memory killer) and left its child running, or someone started one by hand.
 */
export async function orphanBrokers(
  configFile: string,
  pm2Pid: number | undefined,
  proc = '/proc',
): Promise<ProcInfo[]> {
  return (await brokersServing(configFile, proc)).filter((broker) => broker.pid !== pm2Pid);
}

async function waitGone(list: ProcInfo[], ms: number): Promise<ProcInfo[]> {
  const deadline = Date.now() + ms;
  let left = list;
  for (;;) {
    left = left.filter((p) => processAlive(p.pid, p.startTicks));
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function signal(list: ProcInfo[], name: NodeJS.Signals): void {
  for (const p of list) {
    try {
      process.kill(p.pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPERM') {
        throw failed(
          t('a broker serving this config runs as another user (pid {{pid}}, uid {{uid}}); it was left alone', {
            pid: p.pid,
            uid: p.uid,
          }),
          t('stop it as its owner (kill {{pid}}) and run again', { pid: p.pid }),
        );
      }
    }
  }
}

/** Stops processes: SIGTERM, then SIGKILL for those still there after a grace period. */
export async function stopProcesses(list: ProcInfo[], graceMs = TERM_GRACE_MS): Promise<void> {
  if (list.length === 0) return;
  crashPoint('stop:orphans');
  signal(list, 'SIGTERM');
  const stubborn = await waitGone(list, graceMs);
  if (stubborn.length === 0) return;
  signal(stubborn, 'SIGKILL');
  const left = await waitGone(stubborn, 2000);
  if (left.length)
    throw failed(
      t('could not stop pid {{pids}}', { pids: left.map((p) => p.pid).join(', ') }),
      t('stop it by hand and run again'),
    );
}

export function describeOrphans(list: ProcInfo[]): string {
  return list
    .map((p) =>
      p.startedAt
        ? t('pid {{pid}} since {{time}}', { pid: p.pid, time: localTime(p.startedAt) })
        : t('pid {{pid}}', { pid: p.pid }),
    )
    .join(', ');
}
