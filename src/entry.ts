/** What the built bundle (dist/gate-mqtt.cjs) exports: the CLI, and what the quick start needs. */
export { main } from './cli/main.js';
export { buildPaths, DEFAULT_PREFIX, detectTermuxPrefix } from './platform/profile.js';
