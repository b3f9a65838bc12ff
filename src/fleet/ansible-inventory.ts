import { t } from '../i18n/translate.js';
import type { Runner, RunResult } from '../run/runner.js';
import { InventorySyntaxError } from './ansible-syntax.js';
import type { ReadInventory } from './builtin-inventory.js';
import { InventoryData, type Vars } from './inventory-data.js';

const TIMEOUT_MS = 120_000; // a dynamic inventory script may ask a cloud

/** The laptop's own environment (its ansible.cfg, ANSIBLE_* settings): as `ansible` run by hand has it. */
function ansibleEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // C.UTF-8: Ansible refuses to start under a locale the machine lacks (LANG=pl_PL.UTF-8 without it), and
  // what it says is read here in its own English words
  return { ...env, LC_ALL: 'C.UTF-8', ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' };
}

/** Ansible's warnings, each on one line again (it wraps them at 80 columns). */
function warnings(stderr: string): string[] {
  const found: string[] = [];
  for (const line of stderr.split('\n')) {
    const start = /^\[WARNING\]:\s*(.*)$/.exec(line);
    if (start) found.push(start[1]!.trim());
    else if (found.length && line.trim()) found[found.length - 1] += ` ${line.trim()}`;
  }
  return found;
}

/**
 * Ansible's own complaint about a source it could not read, in one line: what each inventory plugin
 * said ("yaml: …; ini: …"), the auto plugin's "not a plugin config" aside, as it says nothing of the file.
 */
function complaint(stderr: string): string | undefined {
  const said = warnings(stderr);
  if (!said.some((w) => /^Unable to parse|^No inventory was parsed/.test(w))) return undefined;
  const plugins = said
    .map((w) => /^\* Failed to parse .* with (\w+) plugin: (.*)$/.exec(w))
    .filter((m): m is RegExpExecArray => m !== null && !(m[1] === 'auto' && /no root 'plugin' key/.test(m[2]!)))
    .map((m) => `${m[1]}: ${m[2]}`);
  return plugins.join('; ') || said.find((w) => /^Unable to parse/.test(w)) || said[0];
}

/** A run of Ansible that did not come to its end: its own reason. */
function stopped(result: RunResult, program: string): void {
  if (result.timedOut)
    throw new InventorySyntaxError(
      t('{{program}} did not finish within {{seconds}} s', { program, seconds: TIMEOUT_MS / 1000 }),
    );
  if (result.startError) throw new InventorySyntaxError(`${program}: ${result.startError}`);
}

interface ListedGroup {
  hosts?: string[];
  children?: string[];
}

/**
 * An inventory read by Ansible itself: `ansible-inventory --list` for every host's merged vars and the
 * groups (whatever the source: a file, a folder with group_vars/ and host_vars/, a script, a comma list),
 * `ansible all --limit PATTERN --list-hosts` for which hosts a pattern selects, in Ansible's own order.
 */
export async function readWithAnsible(
  runner: Runner,
  tools: { inventory: string; ansible: string },
  source: string,
  pattern: string,
): Promise<ReadInventory & { selected: string[] }> {
  const env = ansibleEnv();
  const listed = await runner.run([tools.inventory, ['-i', source, '--list']], { env, timeoutMs: TIMEOUT_MS });
  stopped(listed, 'ansible-inventory');
  const refused = complaint(listed.stderr);
  if (refused) throw new InventorySyntaxError(refused);
  if (listed.exitCode !== 0)
    throw new InventorySyntaxError(listed.stderr.trim().split('\n').pop() ?? t('ansible-inventory failed'));
  let document: Record<string, ListedGroup> & { _meta?: { hostvars?: Record<string, Vars> } };
  try {
    document = JSON.parse(listed.stdout);
  } catch {
    throw new InventorySyntaxError(t('ansible-inventory printed no inventory'));
  }
  const data = new InventoryData();
  const hostvars = document._meta?.hostvars ?? {};
  for (const [name, group] of Object.entries(document)) {
    if (name === '_meta') continue;
    data.group(name);
    for (const child of (group as ListedGroup).children ?? []) data.addChild(name, child);
    for (const host of (group as ListedGroup).hosts ?? []) data.addHost(name, host);
  }
  const hosts = await runner.run([tools.ansible, ['-i', source, 'all', '--limit', pattern, '--list-hosts']], {
    env,
    timeoutMs: TIMEOUT_MS,
  });
  stopped(hosts, 'ansible');
  // "Specified inventory, host pattern and/or --limit leaves us with no hosts to target": none selected
  if (hosts.exitCode !== 0 && /leaves us with no hosts/.test(hosts.stderr))
    return { data, vars: () => ({}), selected: [] };
  if (hosts.exitCode !== 0)
    throw new InventorySyntaxError(hosts.stderr.trim().split('\n').pop() ?? t('ansible --list-hosts failed'));
  // "  hosts (2):" then one indented name per line
  const selected = hosts.stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
  return { data, vars: (host) => ({ ...hostvars[host] }), selected };
}
