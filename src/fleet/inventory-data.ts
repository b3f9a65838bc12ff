import { InventorySyntaxError } from './ansible-syntax.js';

export type Vars = Record<string, unknown>;

/** One group as an inventory declares it. */
export interface Group {
  name: string;
  hosts: string[];
  children: string[];
  vars: Vars;
}

/**
 * An inventory as Ansible holds it once read (ansible/inventory/data.py): groups under `all`, hosts in
 * the order they were first named, each host's own vars. `ungrouped` holds hosts of no other group.
 */
export class InventoryData {
  readonly groups = new Map<string, Group>();
  readonly hostVars = new Map<string, Vars>();

  constructor() {
    this.group('all');
    this.group('ungrouped');
    this.addChild('all', 'ungrouped');
  }

  group(name: string): Group {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, hosts: [], children: [], vars: {} };
      this.groups.set(name, group);
    }
    return group;
  }

  addHost(group: string, host: string, vars: Vars = {}): void {
    this.hostVars.set(host, { ...this.hostVars.get(host), ...vars });
    const hosts = this.group(group).hosts;
    if (!hosts.includes(host)) hosts.push(host);
  }

  addChild(parent: string, child: string): void {
    if (parent === child) throw new InventorySyntaxError(`group ${child} cannot be its own child`);
    this.group(child);
    const children = this.group(parent).children;
    if (!children.includes(child)) children.push(child);
  }

  /** What Ansible does when it finishes reading: every group under `all`, a host of no group in `ungrouped`. */
  reconcile(): void {
    const nested = new Set([...this.groups.values()].flatMap((g) => g.children));
    for (const group of this.groups.values())
      if (group.name !== 'all' && !nested.has(group.name)) this.addChild('all', group.name);
    const grouped = new Set(
      [...this.groups.values()].filter((g) => g.name !== 'all' && g.name !== 'ungrouped').flatMap((g) => g.hosts),
    );
    const ungrouped = this.group('ungrouped');
    ungrouped.hosts = [...this.hostVars.keys()].filter((host) => !grouped.has(host));
  }

  /** A group and every group below it, in Ansible's order: itself, its children, then each level below. */
  descendants(name: string): string[] {
    const ordered = [name, ...(this.groups.get(name)?.children ?? [])];
    let level = ordered.slice(1);
    while (level.length) {
      const next = level.flatMap((g) => this.groups.get(g)?.children ?? []).filter((g) => !ordered.includes(g));
      ordered.push(...new Set(next));
      level = [...new Set(next)];
    }
    return ordered;
  }

  /** A group's hosts, its descendants' too, in Ansible's order (Group.get_hosts): `all` is every host. */
  hostsOf(name: string): string[] {
    const found: string[] = [];
    for (const group of this.descendants(name))
      for (const host of this.groups.get(group)?.hosts ?? []) if (!found.includes(host)) found.push(host);
    return found;
  }

  /** Every host, in the order Ansible lists `all`. */
  hosts(): string[] {
    return this.hostsOf('all');
  }

  /** The groups a host is in, its groups' parents too (`all` included). */
  groupsOf(host: string): string[] {
    const direct = [...this.groups.values()].filter((g) => g.hosts.includes(host)).map((g) => g.name);
    const out = new Set<string>();
    const climb = (name: string) => {
      if (out.has(name)) return;
      out.add(name);
      for (const parent of this.groups.values()) if (parent.children.includes(name)) climb(parent.name);
    };
    for (const name of direct) climb(name);
    out.add('all');
    return [...out];
  }

  /** A group's depth below `all` (the longest way down), as Ansible sorts group vars by it. */
  depth(name: string, seen: Set<string> = new Set()): number {
    if (name === 'all' || seen.has(name)) return 0;
    seen.add(name);
    const parents = [...this.groups.values()].filter((g) => g.children.includes(name));
    return 1 + Math.max(0, ...parents.map((p) => this.depth(p.name, new Set(seen))));
  }
}

/** Ansible's sort of groups for their vars: by depth, then ansible_group_priority, then name. */
export function sortGroups(data: InventoryData, names: string[]): string[] {
  const priority = (name: string) => Number(data.groups.get(name)?.vars.ansible_group_priority ?? 1);
  return [...names].sort(
    (a, b) => data.depth(a) - data.depth(b) || priority(a) - priority(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

/** Vars from group_vars/ and host_vars/ beside an inventory file (what the host_group_vars plugin reads). */
export interface VarsFiles {
  group: (name: string) => Vars;
  host: (name: string) => Vars;
}

/**
 * A host's vars with Ansible's precedence (its "variable precedence" list, the inventory part): the
 * inventory's group vars (by depth, priority, name), group_vars/all, the other group_vars/ files (the
 * same order), the inventory's host vars, host_vars/.
 */
export function hostVars(data: InventoryData, host: string, files: VarsFiles): Vars {
  const groups = sortGroups(data, data.groupsOf(host));
  const merged: Vars = {};
  for (const name of groups) Object.assign(merged, data.groups.get(name)?.vars);
  Object.assign(merged, files.group('all'));
  for (const name of groups.filter((g) => g !== 'all')) Object.assign(merged, files.group(name));
  Object.assign(merged, data.hostVars.get(host), files.host(host));
  return merged;
}
