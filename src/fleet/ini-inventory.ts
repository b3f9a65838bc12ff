import { expandHostPattern, InventorySyntaxError, pythonValue, shlexSplit } from './ansible-syntax.js';
import { InventoryData, type Vars } from './inventory-data.js';

/** A line of an inventory Ansible would refuse: where, and why. */
export class InventoryLineError extends InventorySyntaxError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

interface Pending {
  line: number;
  state: 'vars' | 'children';
  parents: string[];
}

/**
 * Ansible's INI inventory (ansible/plugins/inventory/ini.py, ansible-core 2.14), line for line: [group],
 * [group:vars] and [group:children] sections, host lines of a host pattern (ranges, :port) and shlex
 * words key=value, values read as Python literals; a section for a group never declared is an error at
 * the end, as in Ansible. Anything Ansible refuses throws an InventoryLineError naming the line.
 */
export function parseIni(text: string): InventoryData {
  const data = new InventoryData();
  const pending = new Map<string, Pending>();
  let group = 'ungrouped';
  let state = 'hosts';
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const lineError = (message: string): never => {
      throw new InventoryLineError(number, message);
    };
    const line = lines[index]!.trim();
    if (!line || line[0] === '#' || line[0] === ';') continue;
    const section = SECTION.exec(line);
    if (section) {
      group = section[1]!;
      state = section[2] ?? 'hosts';
      if (!['hosts', 'children', 'vars'].includes(state))
        lineError(`Section [${group}:${state}] has unknown type: ${state}`);
      if (!data.groups.has(group)) {
        if (state === 'vars' && !pending.has(group)) pending.set(group, { line: number, state: 'vars', parents: [] });
        data.group(group);
      }
      const declared = pending.get(group);
      if (declared && state !== 'vars') {
        if (declared.state === 'children') for (const parent of declared.parents) data.addChild(parent, group);
        pending.delete(group);
      }
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']'))
      lineError(`Invalid section entry: '${line}'. Please make sure that there are no spaces in the section entry`);
    try {
      if (state === 'hosts') hostLine(data, group, line);
      else if (state === 'vars') {
        const eq = line.indexOf('=');
        if (eq === -1) lineError(`Expected key=value, got: ${line}`);
        data.group(group).vars[line.slice(0, eq).trim()] = pythonValue(line.slice(eq + 1).trim());
      } else {
        const child = GROUP_NAME.exec(line)?.[1] ?? lineError(`Expected group name, got: ${line}`);
        if (data.groups.has(child)) data.addChild(group, child);
        else {
          const known = pending.get(child);
          if (known) known.parents.push(group);
          else pending.set(child, { line: number, state: 'children', parents: [group] });
        }
      }
    } catch (error) {
      if (error instanceof InventoryLineError) throw error;
      lineError((error as Error).message);
    }
  }
  for (const [name, declared] of pending)
    throw new InventoryLineError(
      declared.line,
      declared.state === 'vars'
        ? `Section [${name}:vars] not valid for undefined group: ${name}`
        : `Section [${declared.parents.at(-1)}:children] includes undefined group: ${name}`,
    );
  data.reconcile();
  return data;
}

/** "gw[1:3] ansible_user=u0_a1 key='a b'": the hosts, their :port as ansible_port, their vars. */
function hostLine(data: InventoryData, group: string, line: string): void {
  const [pattern, ...pairs] = shlexSplit(line);
  if (pattern === undefined) return;
  if (pattern.endsWith(':'))
    throw new InventorySyntaxError(`Invalid host pattern '${pattern}' supplied, ending in ':' is not allowed`);
  const { names, port } = expandHostPattern(pattern);
  if (names.some((name) => name.trim() === '---'))
    throw new InventorySyntaxError(
      `Invalid host pattern '${pattern}' supplied, '---' is normally a sign this is a YAML file`,
    );
  // add_host sets the :port first; a key=value on the line may set ansible_port over it
  const vars: Vars = port === undefined ? {} : { ansible_port: port };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq === -1) throw new InventorySyntaxError(`Expected key=value host variable assignment, got: ${pair}`);
    vars[pair.slice(0, eq)] = pythonValue(pair.slice(eq + 1));
  }
  for (const name of names) data.addHost(group, name, vars);
}
