import { stat } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { badInput, GateError } from '../model/errors.js';
import { findProgram } from '../pty/connect-failure.js';
import type { SshTarget } from '../pty/transports.js';
import type { Runner } from '../run/runner.js';
import { visible } from '../ui/visible.js';
import { readWithAnsible } from './ansible-inventory.js';
import { InventorySyntaxError } from './ansible-syntax.js';
import { NeedsAnsible, type ReadInventory, readBuiltIn } from './builtin-inventory.js';
import { connectionOf, type HostLayout, layoutOf } from './connection.js';
import { InventoryLineError } from './ini-inventory.js';
import { selectHosts } from './patterns.js';

/** One gateway of an inventory, as a site command reaches it. */
export interface InventoryHost {
  name: string;
  /** Its groups as Ansible's group_names has them: every group it is in, `all` aside, sorted. */
  groups: string[];
  /** Ansible's ssh connection to it; missing when its vars make none (then `error` says why). */
  target?: SshTarget;
  layout: HostLayout;
  error?: string;
}

export interface Inventory {
  hosts: InventoryHost[];
  /** Who read it: Ansible itself (ansible-inventory on PATH), or gate-mqtt's reader of static files. */
  reader: 'ansible' | 'built-in';
}

const CHECK_HINT = () => t('check it with: ansible-inventory -i SOURCE --graph');

/** Ansible's programs on PATH, both of them, or none. */
function ansibleTools(search: string): { inventory: string; ansible: string } | undefined {
  const inventory = findProgram('ansible-inventory', search);
  const ansible = findProgram('ansible', search);
  return inventory && ansible ? { inventory, ansible } : undefined;
}

/** A comma makes a source a host list when no file has that name (Ansible's host_list plugin). */
async function checkSource(source: string): Promise<void> {
  if (source.trim() === '')
    throw badInput(t('--inventory is empty'), t('give an Ansible inventory: a file, a folder or "host1,host2,"'));
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => error);
  if (!(info instanceof Error)) return;
  if (info.code === 'ENOENT' && source.includes(',')) return;
  throw badInput(
    t('cannot read the inventory {{file}}: {{why}}', {
      file: visible(source),
      why: info.code === 'ENOENT' ? t('no such file') : (info.code ?? info.message),
    }),
    t('give an Ansible inventory: a file, a folder or "host1,host2,"'),
  );
}

/** Why a source could not be read, as one line that names the source (and the line, where there is one). */
function refused(source: string, error: unknown): never {
  if (!(error instanceof InventorySyntaxError)) throw error;
  const where = error instanceof InventoryLineError ? `${visible(source)}:${error.line}` : visible(source);
  throw badInput(
    t('the inventory {{where}} cannot be read: {{why}}', { where, why: visible(error.message) }),
    error instanceof NeedsAnsible
      ? t('install Ansible (ansible-inventory reads it), or give a static INI or YAML file')
      : CHECK_HINT(),
  );
}

/** A host as a site reaches it: its groups, and the connection and layout its vars give. */
function hostOf(read: ReadInventory, name: string): InventoryHost {
  const groups = read.data
    .groupsOf(name)
    .filter((group) => group !== 'all')
    .sort();
  const vars = read.vars(name);
  const host: InventoryHost = { name, groups, layout: {} };
  try {
    host.layout = layoutOf(vars);
    host.target = connectionOf(name, vars);
  } catch (error) {
    if (!(error instanceof InventorySyntaxError || error instanceof GateError)) throw error;
    host.error = visible((error as Error).message);
  }
  return host;
}

/**
 * The gateways of an Ansible inventory that `--limit PATTERN` selects, with the connection Ansible's ssh
 * would make to each. Ansible reads the source where it is installed (every form it knows); otherwise
 * the built-in reader reads static INI and YAML by Ansible's rules and refuses the rest. A source that
 * cannot be read, holds no host or matches none is bad input (exit 2) with a hint; a host whose vars
 * make no ssh connection is that host's error, the others go on. `search` is where Ansible is looked for.
 */
export async function readInventory(
  runner: Runner,
  source: string,
  limit = 'all',
  search = process.env.PATH ?? '',
): Promise<Inventory> {
  await checkSource(source);
  const tools = ansibleTools(search);
  let read: ReadInventory;
  let selected: string[];
  try {
    if (tools) ({ selected, ...read } = await readWithAnsible(runner, tools, source, limit));
    else {
      if (limit.startsWith('@')) throw new NeedsAnsible(t('a --limit @FILE is read by Ansible'));
      read = await readBuiltIn(source);
      // --limit restricts `all`: the hosts come in the inventory's order, not the pattern's (as in Ansible)
      const limited = new Set(selectHosts(read.data, limit));
      selected = read.data.hosts().filter((host) => limited.has(host));
    }
  } catch (error) {
    refused(source, error);
  }
  if (read.data.hosts().length === 0)
    throw badInput(
      t('the inventory {{file}} holds no host', { file: visible(source) }),
      t('list the gateways in it, e.g. a line [gateways] and then one host name per line'),
    );
  if (selected.length === 0)
    throw badInput(
      t('--limit {{pattern}} matches no host of the inventory', { pattern: visible(limit) }),
      t('name a group or a host of it, e.g. --limit gateways or --limit "gw-*:!gw-old"'),
    );
  return { hosts: selected.map((name) => hostOf(read, name)), reader: tools ? 'ansible' : 'built-in' };
}
