import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckOutcome, OutcomeId } from '../../src/checks/check.js';
import { planFixes } from '../../src/checks/fix-plan.js';
import { type FixOptions, PIPELINES } from '../../src/pipelines/catalog.js';
import { unitContext } from '../helpers/unit-context.js';

const failing = (...ids: OutcomeId[]): CheckOutcome[] =>
  ids.map((id) => ({ id, status: 'fail', detail: '', hint: 'x' }));

test('nothing failed: nothing to fix', () => {
  assert.deepEqual(planFixes([{ id: 'config.security', status: 'warn', detail: '', hint: 'x' }]), {
    actions: [],
    held: [],
  });
});

test('a stopped broker is started; its three failing checks make one action', () => {
  const plan = planFixes(failing('pm2.process', 'broker.listening', 'broker.roundtrip'));
  assert.deepEqual(plan.actions, ['start-broker']);
});

test('a broker with an invalid config is not started: it would only crash again', () => {
  const plan = planFixes(failing('config.valid', 'pm2.process', 'broker.roundtrip'));
  assert.deepEqual(plan.actions, []);
  assert.match(plan.held[0] ?? '', /config is invalid/);
});

test('a missing config is written and the broker started, although config.valid fails too', () => {
  const plan = planFixes(failing('config.present', 'config.valid', 'pm2.process'));
  assert.deepEqual(new Set(plan.actions), new Set(['write-factory-config', 'start-broker']));
});

test('checks without a safe fix (security, exposure, bridges, disk, log) plan nothing', () => {
  const unsafe = failing('config.security', 'network.exposure', 'bridge.up', 'disk.space', 'log.errors');
  assert.deepEqual(planFixes(unsafe).actions, []);
});

test('the fix pipeline takes only the serving steps the actions call for', (t) => {
  const { ctx } = unitContext(t);
  const ids = (actions: FixOptions['actions']) =>
    PIPELINES['doctor --fix'](ctx, { actions, port: 1883 }).steps.map((s) => s.id);
  const programs = ['mosquitto.install', 'mosquitto.version', 'pm2.installed', 'config.folders', 'config.factory'];
  assert.deepEqual(ids([]), []);
  assert.deepEqual(ids(['register-startup']), [...programs, 'pm2.keeper', 'pm2.save', 'startup.hook']);
  assert.deepEqual(ids(['install-broker']), programs);
  const serve = ['network.exposure', 'pm2.process', 'verify.roundtrip'];
  assert.deepEqual(ids(['start-broker']), [...programs, ...serve, 'pm2.keeper', 'pm2.save', 'startup.hook']);
  assert.deepEqual(ids(['write-factory-config']), [...programs, ...serve]);
});
