import { expandHostPattern, InventorySyntaxError } from './ansible-syntax.js';
import { InventoryData, type Vars } from './inventory-data.js';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** YAML as PyYAML reads it (YAML 1.1: yes/no are booleans, 0755 is octal), as Ansible's loader does. */
export async function loadYaml(text: string): Promise<unknown> {
  // yaml is a quarter of the CLI's code: loaded only for a YAML inventory, not at every start.
  const { parse } = await import('yaml');
  return parse(text, { version: '1.1' });
}

/**
 * Ansible's YAML inventory (ansible/plugins/inventory/yaml.py, ansible-core 2.14): a mapping of groups,
 * each with `vars`, `children` and `hosts` mappings (a plain string is one name); host patterns with
 * ranges and :port. What Ansible refuses throws; what it skips with a warning is skipped.
 */
export async function parseYamlInventory(text: string): Promise<InventoryData> {
  let document: unknown;
  try {
    document = await loadYaml(text);
  } catch (error) {
    throw new InventorySyntaxError((error as Error).message.split('\n')[0] ?? 'not YAML');
  }
  if (!document) throw new InventorySyntaxError('Parsed empty YAML file');
  if (!isMapping(document))
    throw new InventorySyntaxError('YAML inventory has invalid structure, it should be a dictionary');
  if (document.plugin) throw new InventorySyntaxError('Plugin configuration YAML file, not YAML inventory');
  const data = new InventoryData();
  for (const [name, group] of Object.entries(document)) parseGroup(data, name, group);
  data.reconcile();
  return data;
}

function parseGroup(data: InventoryData, name: string, group: unknown): string | undefined {
  if (group !== null && group !== undefined && !isMapping(group)) return undefined; // skipped, as Ansible warns
  data.group(name);
  if (!group) return name;
  for (const section of ['vars', 'children', 'hosts']) {
    if (typeof group[section] === 'string') group[section] = { [group[section] as string]: null };
    const value = group[section];
    if (value !== undefined && value !== null && !isMapping(value))
      throw new InventorySyntaxError(
        `Invalid "${section}" entry for "${name}" group, requires a dictionary, found a ${Array.isArray(value) ? 'list' : typeof value} instead`,
      );
  }
  for (const [key, value] of Object.entries(group)) {
    if (!isMapping(value)) continue; // not a mapping, or empty: skipped
    if (key === 'vars') Object.assign(data.group(name).vars, value);
    else if (key === 'children')
      for (const [childName, child] of Object.entries(value)) {
        const added = parseGroup(data, childName, child);
        if (added) data.addChild(name, added);
      }
    else if (key === 'hosts')
      for (const [pattern, vars] of Object.entries(value)) {
        const { names, port } = expandHostPattern(pattern);
        const own: Vars = { ...(port === undefined ? {} : { ansible_port: port }), ...(isMapping(vars) ? vars : {}) };
        for (const host of names) data.addHost(name, host, own);
      }
  }
  return name;
}
