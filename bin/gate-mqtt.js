#!/usr/bin/env node
// Thin launcher for the built CLI (dist/gate-mqtt.cjs; `npm run build`, which `npm ci` runs via
// `prepare`). CommonJS (bin/package.json): Node starts it faster than an ES module.
require('../dist/gate-mqtt.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
