#!/usr/bin/env node
// `npm run release [DIR]`: one file that installs gate-mqtt on a gateway with no compiler and no network,
// `npm install -g gate-mqtt-VERSION.tgz --offline`. Its runtime dependencies are bundled in it (pm2,
// listr2, commander, semver); node-pty is optional and not bundled (it has no Android build and needs a
// compiler): where it does not load, doctor makes its terminal with util-linux `script`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $ } from './lib/shell.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
// --no-build: pack the dist/ that is there (the tests, which built it already and run it meanwhile).
const build = !args.includes('--no-build');
const out = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'release'));
mkdirSync(out, { recursive: true });
// npm's stdout is read (pack's JSON), its stderr goes to the terminal; a failed step ends with npm's code.
const step = async (args) => {
  const result = await $({ cwd: root, stdio: ['ignore', 'pipe', 'inherit'], nothrow: true })`npm ${args}`;
  if (result.exitCode !== 0) process.exit(result.exitCode ?? 1);
  return result.stdout;
};
if (build) await step(['run', 'build', '--silent']);
// npm pack bundles the dependencies; no prepare script (it would rebuild dist/ under running tests).
const packed = JSON.parse(await step(['pack', '--json', '--ignore-scripts', '--pack-destination', out]));
const file = path.join(out, packed[0].filename);
const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
console.log(`${file}\nsha256 ${sha256}\ninstall on the gateway: npm install -g ${path.basename(file)} --offline`);
