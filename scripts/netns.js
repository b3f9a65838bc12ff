// Network namespaces for the tests: a gateway's own view of the network (its interfaces and addresses),
// made here with `ip` and removed again; no traffic leaves them. Used by scripts/test.js (the
// integration tier runs as a gateway on a home LAN), .ci/device-lane and the exposure tests.
//   node scripts/netns.js create NAME [LINK=CIDR[,CIDR…]]…   node scripts/netns.js delete NAME
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((file) => existsSync(file)) ?? 'ip';

function ip(args, { tolerate = false } = {}) {
  const result = spawnSync(IP, args, { encoding: 'utf8', timeout: 15_000 });
  if (result.status !== 0 && !tolerate)
    throw new Error(`ip ${args.join(' ')} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  return result.stdout ?? '';
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
export function addAddress(name, link, cidr) {
  ip(['-n', name, 'address', 'add', cidr, 'dev', link, ...(cidr.includes(':') ? ['nodad'] : [])]);
}

/**
 * Adds a live link to the namespace: a veth pair (LINK with its addresses, LINKp its peer, both up);
 * veth needs no kernel module beyond what namespaces need.
 * @param {string} name
 * @param {string} link
 * @param {string[]} addresses
 */
export function addLink(name, link, addresses) {
  ip(['-n', name, 'link', 'add', link, 'type', 'veth', 'peer', 'name', `${link}p`]);
  ip(['-n', name, 'link', 'set', link, 'up']);
  ip(['-n', name, 'link', 'set', `${link}p`, 'up']);
  for (const cidr of addresses) addAddress(name, link, cidr);
}

/**
 * A namespace with loopback up and the links named.
 * @param {string} name
 * @param {Array<{ link: string, addresses: string[] }>} links
 */
export function createNamespace(name, links = []) {
  ip(['netns', 'add', name]);
  try {
    ip(['-n', name, 'link', 'set', 'lo', 'up']);
    for (const { link, addresses } of links) addLink(name, link, addresses);
  } catch (error) {
    deleteNamespace(name);
    throw error;
  }
}

/**
 * Kills what still runs in the namespace, then removes it.
 * @param {string} name
 */
export function deleteNamespace(name) {
  for (const pid of ip(['netns', 'pids', name], { tolerate: true }).split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  ip(['netns', 'delete', name], { tolerate: true });
}

/**
 * Names of the namespaces there are (for the leak check: a test must remove its own).
 * @returns {string[]}
 */
export function namespaces() {
  return ip(['netns', 'list'], { tolerate: true })
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
    createNamespace(
      name,
      specs.map((spec) => {
        const [link, list = ''] = spec.split('=');
        return { link, addresses: list.split(',').filter(Boolean) };
      }),
    );
  } else if (command === 'delete' && name) deleteNamespace(name);
  else {
    console.error('usage: node scripts/netns.js create NAME [LINK=CIDR[,CIDR…]]… | delete NAME');
    process.exit(2);
  }
}
