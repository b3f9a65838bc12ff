import { readFile } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

/** One gateway of an Ansible inventory, as a site doctor reaches it. */
export interface InventoryHost {
  name: string;
  host: string;
  port?: number;
  user?: string;
  /** gate_mqtt_prefix: the gateway's Termux prefix when it is not the default one. */
  prefix?: string;
  /** gate_mqtt_root: a sandbox gateway below this folder (tests, training). */
  root?: string;
}

type Vars = Record<string, unknown>;

function toHost(name: string, vars: Vars): InventoryHost {
  const text = (key: string) => (vars[key] === undefined || vars[key] === null ? undefined : String(vars[key]));
  const port = text('ansible_port');
  const host: InventoryHost = { name, host: text('ansible_host') ?? name };
  if (port !== undefined) host.port = Number(port);
  const user = text('ansible_user');
  if (user) host.user = user;
  const prefix = text('gate_mqtt_prefix');
  if (prefix) host.prefix = prefix;
  const root = text('gate_mqtt_root');
  if (root) host.root = root;
  return host;
}

/** "key=value key2='v 2'" (an INI inventory line after the host name). */
function iniVars(text: string): Vars {
  const vars: Vars = {};
  for (const match of text.matchAll(/([A-Za-z_][\w]*)=("([^"]*)"|'([^']*)'|\S+)/g))
    vars[match[1]!] = match[3] ?? match[4] ?? match[2];
  return vars;
}

/** Ansible's INI inventory: [group] host lines, [group:vars], [group:children]; `all:vars` for every host. */
export function parseIniInventory(text: string): InventoryHost[] {
  const hosts = new Map<string, Vars>();
  const groupHosts = new Map<string, string[]>();
  const groupVars = new Map<string, Vars>();
  const children = new Map<string, string[]>();
  let section = 'ungrouped';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+|\s+$/g, '');
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const [group, kind] = section.split(':');
    if (kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq > 0)
        groupVars.set(group!, { ...groupVars.get(group!), [line.slice(0, eq).trim()]: line.slice(eq + 1).trim() });
    } else if (kind === 'children') children.set(group!, [...(children.get(group!) ?? []), line]);
    else {
      const [name, ...rest] = line.split(/\s+/);
      hosts.set(name!, { ...hosts.get(name!), ...iniVars(rest.join(' ')) });
      groupHosts.set(group!, [...(groupHosts.get(group!) ?? []), name!]);
    }
  }
  // Group vars apply to the group's hosts and its children's (host vars win).
  const membersOf = (group: string, seen = new Set<string>()): string[] =>
    seen.has(group)
      ? []
      : [
          ...(groupHosts.get(group) ?? []),
          ...(children.get(group) ?? []).flatMap((child) => membersOf(child, seen.add(group))),
        ];
  const inherited = new Map<string, Vars>();
  const others = [...groupVars].filter(([group]) => group !== 'all');
  for (const [group, vars] of [['all', groupVars.get('all') ?? {}] as const, ...others])
    for (const name of group === 'all' ? [...hosts.keys()] : membersOf(group))
      inherited.set(name, { ...inherited.get(name), ...vars });
  return [...hosts].map(([name, vars]) => toHost(name, { ...inherited.get(name), ...vars }));
}

/** Ansible's YAML inventory: groups with `hosts`, `vars` and `children`, from `all` down. */
export async function parseYamlInventory(text: string): Promise<InventoryHost[]> {
  // Group vars first (deeper groups over their parents), a host's own vars last: Ansible's precedence.
  const fromGroups = new Map<string, Vars>();
  const own = new Map<string, Vars>();
  const walk = (group: Vars | null | undefined, vars: Vars) => {
    if (!group || typeof group !== 'object') return;
    const here = { ...vars, ...((group.vars as Vars | undefined) ?? {}) };
    for (const [name, hostVars] of Object.entries((group.hosts as Record<string, Vars | null>) ?? {})) {
      fromGroups.set(name, { ...fromGroups.get(name), ...here });
      own.set(name, { ...own.get(name), ...(hostVars ?? {}) });
    }
    for (const child of Object.values((group.children as Record<string, Vars | null>) ?? {})) walk(child, here);
  };
  // yaml is a quarter of the CLI's code: loaded only for a YAML inventory, not at every start.
  const { parse } = await import('yaml');
  const document = parse(text) as Record<string, Vars> | null;
  for (const group of Object.values(document ?? {})) walk(group, {});
  return [...fromGroups].map(([name, vars]) => toHost(name, { ...vars, ...own.get(name) }));
}

/** Reads an inventory file (YAML when it looks like YAML, INI otherwise); no host at all is bad input. */
export async function readInventory(file: string): Promise<InventoryHost[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw badInput(
      t('cannot read the inventory {{file}}', { file }),
      t('give an Ansible inventory file (INI or YAML)'),
    );
  });
  let hosts: InventoryHost[];
  try {
    hosts =
      /\.ya?ml$/i.test(file) || /^\s*all\s*:/m.test(text) ? await parseYamlInventory(text) : parseIniInventory(text);
  } catch (error) {
    throw badInput(
      t('the inventory {{file}} cannot be read: {{why}}', { file, why: (error as Error).message.split('\n')[0]! }),
      t('check it with: ansible-inventory -i FILE --list'),
    );
  }
  if (hosts.length === 0)
    throw badInput(
      t('the inventory {{file}} holds no host', { file }),
      t('list the gateways in it, e.g. a line [gateways] and then one host name per line'),
    );
  return hosts;
}
