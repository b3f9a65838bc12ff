import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT } from '../helpers/sandbox.js';

/**
 * The house's floors: which folder of src/ may import which (type-only imports count too). Lower floors
 * know nothing of the ones above them; README "Developing" draws the same picture.
 */
const MAY_IMPORT: Record<string, string[]> = {
  i18n: [],
  model: ['i18n'],
  run: ['model', 'i18n'],
  platform: ['run', 'model', 'i18n'],
  fsx: ['platform', 'run', 'model', 'i18n'],
  pm2: ['fsx', 'platform', 'run', 'model', 'i18n'],
  pty: ['platform', 'run', 'model', 'i18n'],
  broker: ['fsx', 'platform', 'run', 'model', 'i18n'],
  config: ['fsx', 'run', 'model', 'i18n'],
  network: ['config', 'run', 'model', 'i18n'],
  mosquitto: ['broker', 'config', 'fsx', 'platform', 'run', 'model', 'i18n'],
  packages: ['fsx', 'platform', 'run', 'model', 'i18n'],
  ui: ['fsx', 'model', 'i18n'],
  keeper: ['config', 'pm2', 'fsx', 'platform', 'run', 'model', 'i18n'],
  context: ['ui', 'pm2', 'fsx', 'platform', 'run', 'model', 'i18n'],
  checks: [
    'keeper',
    'mosquitto',
    'network',
    'config',
    'broker',
    'pty',
    'pm2',
    'fsx',
    'platform',
    'run',
    'model',
    'i18n',
  ],
  tasks: [
    ...['keeper', 'context', 'packages', 'mosquitto', 'network', 'config', 'broker', 'pm2', 'fsx', 'platform', 'run'],
    ...['model', 'i18n'],
  ],
  pipelines: ['tasks', 'context', 'ui', 'network', 'config', 'platform', 'run', 'model', 'i18n'],
  fleet: ['checks', 'context', 'ui', 'mosquitto', 'pty', 'pm2', 'platform', 'run', 'model', 'i18n'],
  commands: [
    ...[
      'keeper',
      'fleet',
      'pipelines',
      'tasks',
      'checks',
      'context',
      'ui',
      'packages',
      'mosquitto',
      'network',
      'config',
    ],
    ...['broker', 'pty', 'pm2', 'fsx', 'platform', 'run', 'model', 'i18n'],
  ],
  cli: ['keeper', 'commands', 'tasks', 'context', 'ui', 'config', 'platform', 'run', 'model', 'i18n'],
};
/** Files directly in src/: the bundle's entry only. */
const ROOT_FILES: Record<string, string[]> = { 'entry.ts': ['cli', 'platform'] };

interface Edge {
  from: string;
  to: string;
  file: string;
  line: number;
}

const SRC = path.join(PROJECT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder of src/ a file belongs to ("entry.ts" for a file directly in src/). */
const floorOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

/** Every relative import between two floors: `import … from`, `export … from`, `import('…')`, types too. */
export function crossings(files: string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.\.?\/[^'"]+)['"]/gm)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      const from = floorOf(file);
      const to = floorOf(target);
      if (from !== to)
        edges.push({
          from,
          to,
          file: path.relative(PROJECT, file),
          line: text.slice(0, match.index).split('\n').length,
        });
    }
  }
  return edges;
}

/** The imports the table does not allow, as "file:line: from -> to". */
export function violations(edges: Edge[]): string[] {
  const allowed = (edge: Edge) => (MAY_IMPORT[edge.from] ?? ROOT_FILES[edge.from] ?? []).includes(edge.to);
  return edges.filter((edge) => !allowed(edge)).map((e) => `${e.file}:${e.line}: ${e.from} -> ${e.to}`);
}

test('every import between folders of src/ goes down the floors the table allows', () => {
  const files = sources(SRC);
  const edges = crossings(files);
  assert.ok(edges.length > 100, 'the imports were found');
  assert.deepEqual(violations(edges), []);
  // every folder of src/ has its row: a new folder needs its place in the house first
  const folders = readdirSync(SRC).filter((name) => statSync(path.join(SRC, name)).isDirectory());
  assert.deepEqual(
    folders.filter((name) => MAY_IMPORT[name] === undefined),
    [],
  );
  assert.deepEqual(
    readdirSync(SRC).filter((name) => !folders.includes(name) && ROOT_FILES[name] === undefined),
    [],
    'files directly in src/',
  );
});

test('the rules the house promises: no arrow runs up', () => {
  const forbidden: Array<[string, string]> = [
    ['ui', 'tasks'], // views read results from model/, never from the steps
    ['ui', 'pipelines'],
    ['ui', 'context'],
    ['checks', 'ui'],
    ['fleet', 'commands'],
    ['platform', 'packages'],
  ];
  for (const [from, to] of forbidden) assert.ok(!MAY_IMPORT[from]!.includes(to), `${from} may not import ${to}`);
  for (const [from, allowed] of Object.entries(MAY_IMPORT))
    if (from !== 'i18n') assert.ok(!allowed.some((to) => MAY_IMPORT[to]!.includes(from)), `${from} in a cycle`);
});

test('the table is a ladder: no folder reaches itself through others', () => {
  const reaches = (from: string, seen: Set<string> = new Set()): Set<string> => {
    for (const to of MAY_IMPORT[from] ?? []) if (!seen.has(to)) reaches(to, seen.add(to));
    return seen;
  };
  for (const floor of Object.keys(MAY_IMPORT)) assert.ok(!reaches(floor).has(floor), floor);
});

test('the check fails on an arrow that runs up (checked against a planted one)', () => {
  const planted: Edge = { from: 'checks', to: 'ui', file: 'src/checks/x.ts', line: 3 };
  const fine: Edge = { from: 'ui', to: 'model', file: 'src/ui/y.ts', line: 1 };
  assert.deepEqual(violations([planted, fine]), ['src/checks/x.ts:3: checks -> ui']);
  const dir = path.join(SRC, 'checks');
  const found = crossings([path.join(dir, 'check.ts')]);
  assert.ok(
    found.some((e) => e.to === 'model'),
    'type-only imports and re-exports are read too',
  );
});
