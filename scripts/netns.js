// Network namespaces for the tests: a gateway's own view of the network (its interfaces and addresses),
// made here with `ip` and removed again; no traffic leaves them. Used by scripts/test.js (the
// integration tier runs as a gateway on a home LAN), .ci/device-lane and the exposure tests.
//   node scripts/netns.js create NAME [LINK=CIDR[,CIDR…]]…   node scripts/netns.js delete NAME
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { $ } from './lib/shell.js';

const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((file) => existsSync(file)) ?? 'ip';

/**
 * Runs ip quietly (its output is the caller's to read or report); `tolerate`: a failure is expected.
 * @param {string[]} args
 * @returns {Promise<string>} its stdout
 */
async function ip(args, { tolerate = false } = {}) {
  const result = await $({ timeout: 15_000, nothrow: true })`${IP} ${args}`.quiet();
  if (result.exitCode !== 0 && !tolerate) {
    const why = result.stderr || result.stdout || `exit ${result.exitCode ?? result.signal}`;
    throw new Error(`ip ${args.join(' ')} failed: ${why.trim()}`);
  }
  return result.stdout;
}

/** Namespaces need root and iproute2 (the device lane's unprivileged user has neither). */
export function namespacesAvailable() {
  return process.getuid?.() === 0 && existsSync(IP);
}

/**
 * Adds an address to a link of the namespace (IPv6 without duplicate detection: usable at once).
 * @param {string} name
 * @param {string} link
 * @param {string} cidr
 */
export async function addAddress(name, link, cidr) {
  await ip(['-n', name, 'address', 'add', cidr, 'dev', link, ...(cidr.includes(':') ? ['nodad'] : [])]);
}

/**
 * Adds a live link to the namespace: a veth pair (LINK with its addresses, LINKp its peer, both up);
 * veth needs no kernel module beyond what namespaces need.
 * @param {string} name
 * @param {string} link
 * @param {string[]} addresses
 */
export async function addLink(name, link, addresses) {
  await ip(['-n', name, 'link', 'add', link, 'type', 'veth', 'peer', 'name', `${link}p`]);
  await ip(['-n', name, 'link', 'set', link, 'up']);
  await ip(['-n', name, 'link', 'set', `${link}p`, 'up']);
  for (const cidr of addresses) await addAddress(name, link, cidr);
}

/**
 * A namespace with loopback up and the links named.
 * @param {string} name
 * @param {Array<{ link: string, addresses: string[] }>} links
 */
export async function createNamespace(name, links = []) {
  await ip(['netns', 'add', name]);
  try {
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    for (const { link, addresses } of links) await addLink(name, link, addresses);
  } catch (error) {
    await deleteNamespace(name);
    throw error;
  }
}

/**
 * Kills what still runs in the namespace, then removes it.
 * @param {string} name
 */
export async function deleteNamespace(name) {
  for (const pid of (await ip(['netns', 'pids', name], { tolerate: true })).split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  await ip(['netns', 'delete', name], { tolerate: true });
}

/**
 * Names of the namespaces there are (for the leak check: a test must remove its own).
 * @returns {Promise<string[]>}
 */
export async function namespaces() {
  return (await ip(['netns', 'list'], { tolerate: true }))
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter(Boolean);
}

/**
 * [file, args] that run a program inside the namespace.
 * @param {string} name
 * @param {string} file
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
export function inNamespace(name, file, args) {
  return [IP, ['netns', 'exec', name, file, ...args]];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, name, ...specs] = process.argv.slice(2);
  if (command === 'create' && name) {
    await createNamespace(
      name,
      specs.map((spec) => {
        const [link, list = ''] = spec.split('=');
        return { link, addresses: list.split(',').filter(Boolean) };
      }),
    );
  } else if (command === 'delete' && name) await deleteNamespace(name);
  else {
    console.error('usage: node scripts/netns.js create NAME [LINK=CIDR[,CIDR…]]… | delete NAME');
    process.exit(2);
  }
}
