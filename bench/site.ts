/**
 * The site doctor's row: `doctor --inventory` over GATEWAYS sandbox gateways against one gateway's
 * doctor, both over a real sshd on loopback, in the same run (paired). Target: <= 3x for 20 gateways.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { startSshd } from '../test/helpers/sshd.js';
import { freePort, measure, type Sample } from './measure.js';

export const GATEWAYS = 20;

export interface SiteBench {
  one: () => Promise<Sample>;
  site: () => Promise<Sample>;
}

/** Sets up the gateways (provisioned by `provision`) and one sshd; returns the two commands to time. */
export async function siteBench(
  cli: string,
  env: Record<string, string>,
  newRoot: () => string,
  provision: (root: string, port: string) => Promise<Sample>,
  cleanups: Array<() => void>,
): Promise<SiteBench> {
  // The test helper's sshd, with its cleanup collected here instead of by a test.
  const fakeTest = { after: (fn: () => void) => cleanups.push(fn) } as unknown as TestContext;
  const sshd = await startSshd(fakeTest);
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
  return {
    one: () => measure(process.execPath, [cli, 'doctor', '--target', target, '--root', roots[0]!, ...common], env),
    site: () => measure(process.execPath, [cli, 'doctor', '--inventory', inventory, ...common], env),
  };
}
