import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { expandHostPattern, InventorySyntaxError } from './ansible-syntax.js';
import { parseIni } from './ini-inventory.js';
import { hostVars, InventoryData, type Vars, type VarsFiles } from './inventory-data.js';
import { loadYaml, parseYamlInventory } from './yaml-inventory.js';

/** What an inventory holds, read: its data and every host's merged vars. */
export interface ReadInventory {
  data: InventoryData;
  vars: (host: string) => Vars;
}

const YAML_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A source Ansible reads and this reader does not: said, never guessed at. */
export class NeedsAnsible extends InventorySyntaxError {}

/**
 * Ansible's host_list plugin: "gw1,192.168.1.20:8022," (a comma makes it a list; no ranges).
 */
function hostList(source: string): ReadInventory {
  const data = new InventoryData();
  for (const entry of source
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const { names, port } = expandHostPattern(entry);
    if (names.length !== 1 || entry.includes('['))
      throw new InventorySyntaxError(t('a host list takes no [x:y] ranges: {{entry}}', { entry }));
    data.addHost('ungrouped', names[0]!, port === undefined ? {} : { ansible_port: port });
  }
  data.reconcile();
  return { data, vars: (host) => ({ ...data.hostVars.get(host) }) };
}

/** group_vars/NAME or host_vars/NAME beside the inventory: a file (with or without .yml, .yaml, .json) or a folder. */
async function varsFiles(dir: string): Promise<VarsFiles & { load(): Promise<void> }> {
  const cache = new Map<string, Vars>();
  const read = async (kind: string, name: string): Promise<Vars> => {
    const base = path.join(dir, kind, name);
    const found: string[] = [];
    for (const candidate of [base, ...YAML_EXTENSIONS.map((ext) => `${base}${ext}`)]) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) found.push(candidate);
      else if (info?.isDirectory())
        for (const file of (await readdir(candidate)).sort())
          if (!path.extname(file) || YAML_EXTENSIONS.includes(path.extname(file)))
            found.push(path.join(candidate, file));
    }
    const merged: Vars = {};
    for (const file of found) {
      const text = await readFile(file, 'utf8');
      if (text.startsWith('$ANSIBLE_VAULT'))
        throw new NeedsAnsible(t('{{file}} is encrypted with Ansible Vault', { file }));
      const vars = await loadYaml(text);
      if (vars === null || vars === undefined) continue;
      if (typeof vars !== 'object' || Array.isArray(vars))
        throw new InventorySyntaxError(t('{{file}} must hold a mapping of variables', { file }));
      Object.assign(merged, vars);
    }
    return merged;
  };
  const names = new Map<string, string[]>();
  return {
    // Every group_vars/ and host_vars/ entry read first: vars() is then synchronous, as the precedence needs.
    load: async () => {
      for (const kind of ['group_vars', 'host_vars'])
        names.set(
          kind,
          (await readdir(path.join(dir, kind)).catch(() => [] as string[])).map((n) =>
            n.replace(/\.(ya?ml|json)$/, ''),
          ),
        );
      for (const [kind, list] of names)
        for (const name of new Set(list)) cache.set(`${kind}/${name}`, await read(kind, name));
    },
    group: (name) => cache.get(`group_vars/${name}`) ?? {},
    host: (name) => cache.get(`host_vars/${name}`) ?? {},
  };
}

/**
 * Ansible's plugin order for a file: yaml (for .yaml, .yml, .json or no extension), then ini for any
 * file. When both refuse, both say why ("yaml: …; ini: …"), as Ansible's warnings do.
 */
async function parseFile(file: string, text: string): Promise<InventoryData> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.toml') throw new NeedsAnsible(t('a TOML inventory is read by Ansible'));
  if (ext && !YAML_EXTENSIONS.includes(ext)) return parseIni(text);
  try {
    return await parseYamlInventory(text);
  } catch (yamlError) {
    if (!(yamlError instanceof InventorySyntaxError)) throw yamlError;
    try {
      return parseIni(text);
    } catch (iniError) {
      if (iniError instanceof InventorySyntaxError)
        iniError.message = `yaml: ${yamlError.message}; ini: ${iniError.message}`;
      throw iniError;
    }
  }
}

/**
 * An inventory read the way Ansible reads it, without Ansible: a comma list, or one static INI or YAML
 * file with its group_vars/ and host_vars/. A folder, a script (executable), TOML or Vault are Ansible's
 * to read: refused (NeedsAnsible), never guessed at.
 */
export async function readBuiltIn(source: string): Promise<ReadInventory> {
  const info = await stat(source).catch(() => undefined);
  if (!info && source.includes(',')) return hostList(source);
  if (!info) throw new InventorySyntaxError(t('no such file'));
  if (info.isDirectory()) throw new NeedsAnsible(t('a folder of inventories is read by Ansible'));
  const executable = await access(source, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (executable) throw new NeedsAnsible(t('an executable file is a dynamic inventory script, which Ansible runs'));
  const data = await parseFile(source, await readFile(source, 'utf8'));
  const files = await varsFiles(path.dirname(source));
  await files.load();
  return { data, vars: (host) => hostVars(data, host, files) };
}
