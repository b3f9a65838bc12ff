import { test } from 'node:test';
import { walk } from '../helpers/walk.js';
import { PREFLIGHT, SCENARIOS } from '../helpers/walk-scenarios.js';

/**
 * The crash walk (test/helpers/walk.ts) of upgrade: killed at every point each
 * meets, then run again, the gateway ends as the command wants it; seeded random kills on top (the
 * seed is printed).
 */

test('crash walk: upgrade', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS.upgrade, PREFLIGHT));
