import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { shlexSplit } from '../../src/fleet/ansible-syntax.js';

/**
 * What Ansible itself says of an inventory, for tests that hold gate-mqtt's reading up against it:
 * which hosts a pattern selects (`ansible --list-hosts`), each host's groups (`ansible-inventory
 * --list`), and the ssh command its ssh connection runs (`ansible -m ping -vvv`, "SSH: EXEC").
 */

/** Ansible's own state (temp, control sockets) inside the test's folder, never in the user's home. */
export function ansibleEnv(dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    ANSIBLE_HOME: path.join(dir, 'ansible-home'),
    ANSIBLE_LOCAL_TEMP: path.join(dir, 'ansible-tmp'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(dir, 'ansible-cp'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_TIMEOUT: '10',
  };
}

export function runAnsible(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The hosts `ansible -i SOURCE all --limit PATTERN --list-hosts` lists, in its order. */
export async function ansibleHosts(source: string, pattern: string, env: Record<string, string>): Promise<string[]> {
  const run = await runAnsible('ansible', ['-i', source, 'all', '--limit', pattern, '--list-hosts'], env);
  if (run.code !== 0 && /leaves us with no hosts/.test(run.stderr)) return [];
  if (run.code !== 0) throw new Error(`ansible --list-hosts: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Every host's groups as Ansible's group_names has them (its groups and their parents, `all` aside), sorted. */
export async function ansibleGroups(source: string, env: Record<string, string>): Promise<Map<string, string[]>> {
  const run = await runAnsible('ansible-inventory', ['-i', source, '--list'], env);
  if (run.code !== 0) throw new Error(`ansible-inventory: ${run.stderr}`);
  const listed = JSON.parse(run.stdout) as Record<string, { hosts?: string[]; children?: string[] }>;
  const parents = new Map<string, string[]>();
  for (const [name, group] of Object.entries(listed))
    for (const child of group.children ?? []) parents.set(child, [...(parents.get(child) ?? []), name]);
  const groups = new Map<string, string[]>();
  const climb = (group: string, into: Set<string>) => {
    if (into.has(group)) return;
    into.add(group);
    for (const parent of parents.get(group) ?? []) climb(parent, into);
  };
  for (const [name, group] of Object.entries(listed))
    for (const host of group.hosts ?? []) {
      const into = new Set(groups.get(host));
      climb(name, into);
      groups.set(host, [...into]);
    }
  for (const [host, list] of groups) groups.set(host, list.filter((g) => g !== 'all').sort());
  return groups;
}

/** A connection as an ssh command line says it. */
export interface SshCommand {
  host: string;
  port?: number;
  user?: string;
  identity?: string;
  /** What came from ansible_ssh_common_args and ansible_ssh_extra_args. */
  options: string[];
}

/** ssh -o Key=value (Ansible quotes some values: 'User="root"'). */
const option = (args: string[], key: string) => {
  const found = args.find((arg, i) => args[i - 1] === '-o' && arg.startsWith(`${key}=`));
  return found?.slice(key.length + 1).replace(/^"(.*)"$/, '$1');
};

/**
 * The first ssh command Ansible ran for each address, from `ansible -m ping -vvv` (the hosts are closed
 * ports on loopback: each attempt is refused at once). Ansible names the address, not the host: the
 * inventories of the tests give every host an address of its own.
 */
export async function ansibleSshCommands(
  source: string,
  pattern: string,
  env: Record<string, string>,
): Promise<SshCommand[]> {
  const run = await runAnsible('ansible', ['-i', source, 'all', '--limit', pattern, '-m', 'ping', '-vvv'], env);
  const seen = new Map<string, SshCommand>();
  for (const match of run.stdout.matchAll(/^<([^>]+)> SSH: EXEC (ssh .*)$/gm)) {
    if (seen.has(match[1]!)) continue;
    const args = shlexSplit(match[2]!);
    const from = args.findIndex((arg, i) => arg.startsWith('ConnectTimeout=') && args[i - 1] === '-o') + 1;
    const to = args.findIndex((arg, i) => arg.startsWith('ControlPath=') && args[i - 1] === '-o') - 1;
    const port = option(args, 'Port');
    const user = option(args, 'User');
    const identity = option(args, 'IdentityFile');
    seen.set(match[1]!, {
      host: args.at(-2)!,
      ...(port === undefined ? {} : { port: Number(port) }),
      ...(user === undefined ? {} : { user }),
      ...(identity === undefined ? {} : { identity }),
      options: args.slice(from, to),
    });
  }
  return [...seen.values()].sort((a, b) => a.host.localeCompare(b.host));
}

/** A folder of links to every program on PATH except Ansible's: this machine as if Ansible were not installed. */
export function pathWithoutAnsible(dir: string): string {
  const bin = path.join(dir, 'bin-without-ansible');
  mkdirSync(bin, { recursive: true });
  const linked = new Set<string>();
  for (const folder of (process.env.PATH ?? '/usr/bin:/bin').split(':'))
    for (const name of existsSync(folder) ? readdirSync(folder) : [])
      if (!name.startsWith('ansible') && !linked.has(name)) {
        linked.add(name);
        symlinkSync(path.join(folder, name), path.join(bin, name));
      }
  return bin;
}
