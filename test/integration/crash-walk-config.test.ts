import { test } from 'node:test';
import { walk } from '../helpers/walk.js';
import { PREFLIGHT, SCENARIOS } from '../helpers/walk-scenarios.js';

/**
 * The crash walk (test/helpers/walk.ts) of config apply, config restore, config edit, bridge add, bridge
 * remove: killed at every point each meets, then run again, the gateway ends as the command wants it;
 * seeded random kills on top (the seed is printed).
 */

test('crash walk: config apply', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['config apply'], PREFLIGHT));

test('crash walk: config restore', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['config restore'], PREFLIGHT));

test('crash walk: config edit', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['config edit'], PREFLIGHT));

test('crash walk: bridge add', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['bridge add'], PREFLIGHT));

test('crash walk: bridge remove', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['bridge remove'], PREFLIGHT));

test('crash walk: listener add', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['listener add'], PREFLIGHT));

test('crash walk: listener remove', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['listener remove'], PREFLIGHT));

test('crash walk: listener renew', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['listener renew'], PREFLIGHT));
