/**
 * The site doctor's row: `doctor --inventory` over GATEWAYS sandbox gateways against one gateway's
 * doctor, both over a real sshd on loopback, in the same run (paired). Target: <= 3x for 20 gateways.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { startSshd } from '../test/helpers/sshd.js';
import { freePort, measure, type Sample } from './measure.js';

export const GATEWAYS = 20;
/** The laptop's cost per gateway is measured on a site this large (its hosts share the GATEWAYS sandboxes). */
export const LARGE_SITE = 50;

export interface SiteBench {
  one: () => Promise<Sample>;
  /** The site doctor; `extra` are more options (--concurrency N). */
  site: (extra?: string[]) => Promise<Sample>;
  /** What the site doctor is given, to run it by hand: the inventory and the ssh client's config. */
  inventory: string;
  sshConfig: string;
  /** CPU time the whole machine spent during each site run (ms): the gateways' side runs here too. */
  siteCpuMs: number[];
  /** The site doctor over LARGE_SITE inventory hosts (the laptop's CPU is the sample's cpuMs). */
  large: () => Promise<Sample>;
  /** A command over the same ssh (`ssh … COMMAND`), e.g. the docs' shell checks. */
  overSsh: (command: string[]) => Promise<Sample>;
  /**
   * CPU of the gateway user's processes in the last ssh session (ms): what the login's command and
   * everything it started used, as bash's `times` reports it when the command ends.
   */
  gatewayCpuMs: () => Promise<number>;
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
  // Every login runs its command under a bash that appends, when it ends, what it and its children used.
  const home = newRoot();
  const cpuFile = path.join(home, 'session-cpu');
  const wrapper = path.join(home, 'measured-login');
  writeFileSync(
    wrapper,
    `#!/bin/bash\ntrap '' HUP\nbash -c "$SSH_ORIGINAL_COMMAND"\nrc=$?\ntimes >> ${cpuFile}\nexit $rc\n`,
    { mode: 0o755 },
  );
  const sshd = await startSshd(fakeTest, { home, forceCommand: wrapper });
  const roots: string[] = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const root = newRoot();
    const done = await provision(root, String(await freePort()));
    if (done.code !== 0) throw new Error(`provision of gateway ${i + 1} exited ${done.code}`);
    roots.push(root);
  }
  const writeInventory = (name: string, hosts: number) => {
    const file = path.join(roots[0]!, name);
    writeFileSync(
      file,
      [
        '[site]',
        ...Array.from(
          { length: hosts },
          (_, i) => `gw${i + 1} ansible_host=127.0.0.1 gate_mqtt_root=${roots[i % roots.length]}`,
        ),
        '[site:vars]',
        `ansible_port=${sshd.port}`,
        `ansible_user=${sshd.user}`,
        '',
      ].join('\n'),
    );
    return file;
  };
  const inventory = writeInventory('site.ini', GATEWAYS);
  const largeInventory = writeInventory('large-site.ini', LARGE_SITE);
  const target = `ssh://${sshd.user}@127.0.0.1:${sshd.port}`;
  const common = ['--ssh-config', sshd.clientConfig, '--json'];
  const siteCpuMs: number[] = [];
  const sessionCpu = () =>
    existsSync(cpuFile)
      ? [...readFileSync(cpuFile, 'utf8').matchAll(/(\d+)m([\d.]+)s/g)].reduce(
          (sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000,
          0,
        )
      : undefined;
  return {
    inventory,
    large: () =>
      measure(process.execPath, [cli, 'doctor', '--inventory', largeInventory, ...common, '--timeout', '300'], env),
    overSsh: (command) => {
      rmSync(cpuFile, { force: true });
      return measure(
        'ssh',
        ['-F', sshd.clientConfig, '-p', String(sshd.port), '-o', 'BatchMode=yes', `${sshd.user}@127.0.0.1`, ...command],
        env,
      );
    },
    gatewayCpuMs: async () => {
      // the login's bash writes its line after the session's command ends, which may be after the client has
      for (let waited = 0; waited < 10_000; waited += 20) {
        const ms = sessionCpu();
        if (ms !== undefined) {
          rmSync(cpuFile, { force: true });
          return ms;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the measured login wrote no CPU time');
    },
    sshConfig: sshd.clientConfig,
    siteCpuMs,
    one: () => {
      rmSync(cpuFile, { force: true });
      return measure(process.execPath, [cli, 'doctor', '--target', target, '--root', roots[0]!, ...common], env);
    },
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
