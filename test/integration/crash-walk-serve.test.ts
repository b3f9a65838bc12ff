import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PIPELINES } from '../../src/pipelines/catalog.js';
import { walk } from '../helpers/walk.js';
import { PREFLIGHT, SCENARIOS } from '../helpers/walk-scenarios.js';

/**
 * The crash walk (test/helpers/walk.ts) of provision, reset, doctor --fix, uninstall: killed at every point each
 * meets, then run again, the gateway ends as the command wants it; seeded random kills on top (the
 * seed is printed).
 */

test('every command with a pipeline has its walk', () => {
  assert.deepEqual(Object.keys(SCENARIOS).sort(), Object.keys(PIPELINES).sort());
});

test('crash walk: provision', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS.provision, PREFLIGHT));

test('crash walk: reset', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS.reset, PREFLIGHT));

test('crash walk: doctor --fix', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS['doctor --fix'], PREFLIGHT));

test('crash walk: uninstall', { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS.uninstall, PREFLIGHT));
