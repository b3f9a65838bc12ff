/**
 * The site doctor's row: `doctor --inventory` over GATEWAYS sandbox gateways against one gateway's
 * doctor, both over a real sshd on loopback, in the same run (paired). Target: <= 3x for 20 gateways.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { startSshd } from '../test/helpers/sshd.js';
import { freePort, measure, type Sample } from './measure.js';

export const GATEWAYS = 20;

export interface SiteBench {
  one: () => Promise<Sample>;
  /** The site doctor; `extra` are more options (--concurrency N). */
  site: (extra?: string[]) => Promise<Sample>;
  /** What the site doctor is given, to run it by hand: the inventory and the ssh client's config. */
  inventory: string;
  sshConfig: string;
  /** CPU time the whole machine spent during each site run (ms): the gateways' side runs here too. */
  siteCpuMs: number[];
}

/** CPU time the machine has spent busy since boot, in ms (user, nice, system, irq, softirq). */
function busyCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const ticks = [0, 1, 2, 5, 6].reduce((sum, i) => sum + (fields[i] ?? 0), 0);
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Sets up the gateways (provisioned by `provision`) and one sshd; returns the two commands to time. */
export async function siteBench(
  cli: string,
  env: Record<string, string>,
  newRoot: () => string,
  provision: (root: string, port: string) => Promise<Sample>,
  cleanups: Array<() => void>,
): Promise<SiteBench> {
  // The test helper's sshd, with its cleanup collected here instead of by a test. Its logins get a home
  // of their own, as a gateway's Termux home: not this machine's root, whose ~/.bashrc may be anything
  // (here: pyenv init, which rehashes 136 shims under a lock at every login, one login at a time).
  const fakeTest = { after: (fn: () => void) => cleanups.push(fn) } as unknown as TestContext;
  const sshd = await startSshd(fakeTest, { home: newRoot() });
  const roots: string[] = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const root = newRoot();
    const done = await provision(root, String(await freePort()));
    if (done.code !== 0) throw new Error(`provision of gateway ${i + 1} exited ${done.code}`);
    roots.push(root);
  }
  const inventory = path.join(roots[0]!, 'site.ini');
  writeFileSync(
    inventory,
    [
      '[site]',
      ...roots.map((root, i) => `gw${i + 1} ansible_host=127.0.0.1 gate_mqtt_root=${root}`),
      '[site:vars]',
      `ansible_port=${sshd.port}`,
      `ansible_user=${sshd.user}`,
      '',
    ].join('\n'),
  );
  const target = `ssh://${sshd.user}@127.0.0.1:${sshd.port}`;
  const common = ['--ssh-config', sshd.clientConfig, '--json'];
  const siteCpuMs: number[] = [];
  return {
    inventory,
    sshConfig: sshd.clientConfig,
    siteCpuMs,
    one: () => measure(process.execPath, [cli, 'doctor', '--target', target, '--root', roots[0]!, ...common], env),
    site: async (extra = []) => {
      const before = busyCpuMs();
      const sample = await measure(
        process.execPath,
        [cli, 'doctor', '--inventory', inventory, ...common, ...extra],
        env,
      );
      siteCpuMs.push(busyCpuMs() - before);
      return sample;
    },
  };
}
