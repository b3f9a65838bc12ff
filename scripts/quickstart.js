#!/usr/bin/env node
// `npm start`: provision this machine's gateway. On Termux that is the device itself; anywhere else a
// sandbox gateway under ./.gateway (every device path below it), so nothing outside the project changes.
// The CLI runs as a user would run it (node bin/gate-mqtt.js …), its output live on this terminal.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $, LIVE } from './lib/shell.js';

const project = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(project, 'dist', 'gate-mqtt.cjs');
if (!existsSync(bundle)) {
  console.error('gate-mqtt is not built yet: run npm ci (or npm run build) first');
  process.exit(2);
}
const { detectTermuxPrefix, buildPaths, DEFAULT_PREFIX } = createRequire(import.meta.url)(bundle);

const onDevice = detectTermuxPrefix(process.env) !== undefined;
const root = path.join(project, '.gateway');
const extra = process.argv.slice(2);
const args = onDevice ? ['provision', ...extra] : ['provision', '--root', root, ...extra];
if (!onDevice) console.log(`No Termux here: provisioning a sandbox gateway below ${root}\n`);
const cli = path.join(project, 'bin', 'gate-mqtt.js');
const { exitCode } = await $({ stdio: LIVE, nothrow: true })`${process.execPath} ${cli} ${args}`;
if (exitCode === 0 && !extra.includes('--json')) {
  const portAt = extra.indexOf('--port');
  const port = portAt >= 0 ? extra[portAt + 1] : '1883';
  const paths = onDevice ? undefined : buildPaths(root, DEFAULT_PREFIX);
  console.log(`\nThe broker answers on port ${port}. Try it:`);
  console.log(
    `  mosquitto_sub -h 127.0.0.1 -p ${port} -t 'test/#' -v &  ` +
      `mosquitto_pub -h 127.0.0.1 -p ${port} -t test/hello -m hi`,
  );
  console.log(`  node bin/gate-mqtt.js doctor${onDevice ? '' : ` --root ${root}`}`);
  if (paths) console.log(`  config: ${paths.configFile}\n  pm2:    PM2_HOME=${paths.pm2Home} npx pm2 show mqtt`);
}
process.exitCode = exitCode ?? 1;
