import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PROJECT } from '../helpers/sandbox.js';

// The collection's documentation against what its modules really take: each module's DOCUMENTATION (with its
// doc fragments), EXAMPLES and RETURN read as YAML, as Ansible reads them (YAML 1.1, PyYAML's), and compared
// with the argument_spec the module gives AnsibleModule (test/fixtures/ansible-module-specs.py records it);
// then ansible-doc renders each module and the role, with no invented keys.

const COLLECTIONS = path.join(PROJECT, 'ansible', 'collections');
const COLLECTION = 'gate_mqtt.gateway';
const COLLECTION_DIR = path.join(COLLECTIONS, 'ansible_collections', 'gate_mqtt', 'gateway');
const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ansible-module-specs.py');
const MODULES = readdirSync(path.join(COLLECTION_DIR, 'plugins', 'modules'))
  .filter((file) => file.endsWith('.py') && !file.startsWith('_'))
  .map((file) => file.slice(0, -3))
  .sort();

/** The keys Ansible's doc schema has for an option: any other key is one ansible-doc invents from a typo. */
const OPTION_KEYS = new Set([
  'description',
  'type',
  'required',
  'default',
  'choices',
  'elements',
  'aliases',
  'suboptions',
  'version_added',
  'version_added_collection',
]);
const RETURN_TYPES = new Set(['bool', 'complex', 'dict', 'float', 'int', 'list', 'str', 'raw']);
const SUPPORT = new Set(['full', 'partial', 'none']);
/** What every module returns (module_utils result_of), and what each adds. */
const RETURNS_ALWAYS = ['changed', 'msg', 'rc', 'gate_mqtt'];
const RETURNS: Record<string, string[]> = {
  bridge: ['steps', 'planned', 'diff'],
  config: ['steps', 'planned', 'diff'],
  doctor: ['checks', 'counts'],
  provision: ['steps', 'planned'],
  reset: ['steps', 'planned'],
  upgrade: ['steps', 'planned'],
};

type Doc = Record<string, unknown>;
interface SpecOption {
  type?: string;
  required?: boolean;
  default?: unknown;
  choices?: unknown[];
  elements?: string;
  aliases?: string[];
  no_log?: boolean;
}
interface ModuleSpecs {
  documentation: string | null;
  examples: string | null;
  return: string | null;
  module_args: { argument_spec: Record<string, SpecOption>; supports_check_mode?: boolean };
}
interface Specs {
  modules: Record<string, ModuleSpecs>;
  fragments: Record<string, string>;
}

/** YAML as Ansible reads it (PyYAML: YAML 1.1, so `yes` is a bool); a duplicate key is an error. */
const yaml = (text: string): unknown => parse(text, { version: '1.1', uniqueKeys: true });

const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Python Ansible runs on (ansible-doc's own interpreter): the one that has the ansible package. */
function ansiblePython(): string {
  const found = spawnSync('sh', ['-c', 'command -v ansible-doc'], { encoding: 'utf8' }).stdout.trim();
  assert.ok(found, 'ansible-doc is installed (Debian: ansible-core)');
  const shebang = readFileSync(found, 'utf8')
    .split('\n')[0]!
    .replace(/^#!\s*/, '')
    .trim()
    .split(/\s+/);
  return shebang[0]!.endsWith('/env') ? shebang[1]! : shebang[0]!;
}

let cached: Specs | undefined;
function specs(): Specs {
  if (cached) return cached;
  const run = spawnSync(ansiblePython(), [SPECS, COLLECTIONS, COLLECTION], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  cached = JSON.parse(run.stdout) as Specs;
  return cached;
}

/** ansible-doc with only this collection, in a home of its own. */
function ansibleDoc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'gmt-ansible-doc-'));
  try {
    const run = spawnSync('ansible-doc', args, {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        LANG: 'C.UTF-8',
        ANSIBLE_COLLECTIONS_PATH: COLLECTIONS,
        ANSIBLE_LOCAL_TEMP: path.join(home, 'tmp'),
        ANSIBLE_NOCOLOR: '1',
        // ansible-doc imports the doc fragments: no __pycache__ left in the collection.
        PYTHONDONTWRITEBYTECODE: '1',
      },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const text = (description: unknown): string =>
  Array.isArray(description) ? description.join(' ') : typeof description === 'string' ? description : '';

/** The module's options as documented: its own, and those of the fragments it extends. */
function documentedOptions(doc: Doc, fragments: Record<string, string>): Record<string, Doc> {
  const options: Record<string, Doc> = {};
  const extended = doc.extends_documentation_fragment;
  for (const name of Array.isArray(extended) ? extended : extended ? [extended] : []) {
    const fragment = fragments[String(name)];
    assert.ok(fragment, `the doc fragment ${name} is in plugins/doc_fragments`);
    Object.assign(options, (yaml(fragment) as Doc).options);
  }
  return Object.assign(options, doc.options);
}

/** Every way a documented option and the argument_spec disagree (an empty list when they agree). */
function optionProblems(documented: Record<string, Doc>, spec: Record<string, SpecOption>): string[] {
  const problems: string[] = [];
  const names = (o: object) => Object.keys(o).sort();
  if (names(documented).join() !== names(spec).join())
    problems.push(`options documented: ${names(documented).join(', ')}; in the spec: ${names(spec).join(', ')}`);
  for (const [name, option] of Object.entries(spec)) {
    const doc = documented[name];
    if (!isObject(doc)) continue;
    for (const key of Object.keys(doc))
      if (!OPTION_KEYS.has(key)) problems.push(`${name}: "${key}" is not a key of an option's documentation`);
    if (!text(doc.description)) problems.push(`${name}: no description`);
    const same = (what: string, documentedValue: unknown, specValue: unknown) => {
      if (JSON.stringify(documentedValue) !== JSON.stringify(specValue))
        problems.push(
          `${name}: ${what} is ${JSON.stringify(documentedValue)} in the docs, ${JSON.stringify(specValue)} in the spec`,
        );
    };
    same('type', doc.type ?? 'str', option.type ?? 'str');
    same('required', doc.required ?? false, option.required ?? false);
    same('default', doc.default ?? null, option.default ?? null);
    same('choices', doc.choices ?? null, option.choices ?? null);
    same('elements', doc.elements ?? null, option.elements ?? null);
    same('aliases', [...((doc.aliases as string[]) ?? [])].sort(), [...(option.aliases ?? [])].sort());
    // no_log is not a documentation key: the description says it, and says it only of a no_log option.
    same('no_log (said in the description)', /\bno_log\b/.test(text(doc.description)), option.no_log ?? false);
    if (doc.required === true && doc.default !== undefined) problems.push(`${name}: required, and has a default`);
  }
  return problems;
}

for (const name of MODULES) {
  test(`ansible docs: ${name}: the documented options are the module's argument_spec`, () => {
    const module = specs().modules[name]!;
    assert.ok(module.documentation, 'DOCUMENTATION is there');
    const doc = yaml(module.documentation) as Doc;
    assert.equal(doc.module, name);
    for (const key of ['short_description', 'description', 'author', 'version_added'])
      assert.ok(doc[key], `DOCUMENTATION has ${key}`);
    const problems = optionProblems(documentedOptions(doc, specs().fragments), module.module_args.argument_spec);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  test(`ansible docs: ${name}: attributes say what check mode and diff mode do`, () => {
    const module = specs().modules[name]!;
    const attributes = (yaml(module.documentation ?? '') as Doc).attributes;
    assert.ok(isObject(attributes), 'DOCUMENTATION has attributes');
    for (const mode of ['check_mode', 'diff_mode']) {
      const attribute = attributes[mode];
      assert.ok(isObject(attribute), `attributes.${mode}`);
      assert.ok(SUPPORT.has(String(attribute.support)), `${mode}.support is full, partial or none`);
      assert.ok(text(attribute.description), `${mode} has a description`);
    }
    const checkMode = (attributes.check_mode as Doc).support !== 'none';
    assert.equal(checkMode, module.module_args.supports_check_mode ?? false, 'check_mode is as supports_check_mode');
    const returns = yaml(module.return ?? '') as Doc;
    assert.equal((attributes.diff_mode as Doc).support !== 'none', 'diff' in returns, 'a diff is documented iff given');
  });

  test(`ansible docs: ${name}: EXAMPLES are tasks with the module's real options`, () => {
    const { modules } = specs();
    const examples = yaml(modules[name]!.examples ?? '');
    assert.ok(Array.isArray(examples) && examples.length > 0, 'EXAMPLES is a list of tasks');
    let own = 0;
    for (const task of examples) {
      assert.ok(isObject(task) && typeof task.name === 'string', `a task with a name: ${JSON.stringify(task)}`);
      for (const [key, args] of Object.entries(task)) {
        if (!key.startsWith(`${COLLECTION}.`)) continue;
        const used = key.slice(COLLECTION.length + 1);
        const spec = modules[used]?.module_args.argument_spec;
        assert.ok(spec, `${key} is a module of the collection`);
        if (used === name) own++;
        const given = args ?? {};
        assert.ok(isObject(given), `${task.name}: the options are a mapping`);
        for (const option of Object.keys(given)) assert.ok(option in spec, `${task.name}: ${key} takes no ${option}`);
        for (const [option, s] of Object.entries(spec))
          if (s.required) assert.ok(option in given, `${task.name}: ${key} needs ${option}`);
      }
    }
    assert.ok(own > 0, `an example uses ${COLLECTION}.${name}`);
  });

  test(`ansible docs: ${name}: RETURN documents what the module returns`, () => {
    const returns = yaml(specs().modules[name]!.return ?? '');
    assert.ok(isObject(returns), 'RETURN is a mapping');
    assert.ok(RETURNS[name], `the test knows what ${name} returns (RETURNS)`);
    assert.deepEqual(Object.keys(returns).sort(), [...RETURNS_ALWAYS, ...RETURNS[name]!].sort());
    for (const [key, value] of Object.entries(returns)) {
      assert.ok(isObject(value), key);
      assert.ok(text(value.description), `${key}: a description`);
      assert.ok(typeof value.returned === 'string' && value.returned, `${key}: when it is returned`);
      assert.ok(RETURN_TYPES.has(String(value.type)), `${key}: a type Ansible knows (${value.type})`);
      assert.ok('sample' in value, `${key}: a sample`);
      for (const k of Object.keys(value))
        assert.ok(['description', 'returned', 'type', 'sample', 'elements', 'contains'].includes(k), `${key}.${k}`);
    }
  });

  test(`ansible docs: ${name}: ansible-doc renders it, options as documented`, () => {
    const rendered = ansibleDoc(['-t', 'module', `${COLLECTION}.${name}`]);
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.equal(rendered.stderr, '', 'no warning');
    assert.match(rendered.stdout, new RegExp(`^> ${COLLECTION}.${name}\\b`, 'im'));
    const json = ansibleDoc(['--json', '-t', 'module', `${COLLECTION}.${name}`]);
    assert.equal(json.status, 0, json.stderr);
    const doc = (JSON.parse(json.stdout) as Record<string, { doc: { options: Record<string, Doc> } }>)[
      `${COLLECTION}.${name}`
    ]!.doc;
    // What ansible-doc shows (fragments merged by Ansible itself) is the spec, with no invented key.
    const problems = optionProblems(doc.options, specs().modules[name]!.module_args.argument_spec);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

test('ansible docs: the role: ansible-doc renders it, every variable of defaults/main.yml documented', () => {
  const role = path.join(COLLECTION_DIR, 'roles', 'gateway');
  const defaults = yaml(readFileSync(path.join(role, 'defaults', 'main.yml'), 'utf8')) as Doc;
  const specs = yaml(readFileSync(path.join(role, 'meta', 'argument_specs.yml'), 'utf8')) as {
    argument_specs: { main: { options: Record<string, Doc> } };
  };
  const options = specs.argument_specs.main.options;
  assert.deepEqual(Object.keys(options).sort(), Object.keys(defaults).sort());
  for (const [name, value] of Object.entries(defaults)) {
    const option = options[name]!;
    assert.ok(text(option.description), `${name}: a description`);
    // A default that is a template is worked out when the role runs: the description says what it is.
    if (typeof value === 'string' && value.includes('{{')) assert.equal(option.default, undefined, name);
    else assert.deepEqual(option.default, value, `${name}: the documented default is the role's`);
  }
  const rendered = ansibleDoc(['-t', 'role', `${COLLECTION}.gateway`]);
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.equal(rendered.stderr, '', 'no warning');
  for (const name of Object.keys(defaults)) assert.match(rendered.stdout, new RegExp(`^- ${name}$`, 'm'));
});
