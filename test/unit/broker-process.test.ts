import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveProfile } from '../../src/platform/profile.js';
import { brokerDefinition } from '../../src/pm2/definition.js';
import type { Pm2Process } from '../../src/pm2/pm2.js';
import { planBrokerAction } from '../../src/tasks/broker-process.js';

const profile = resolveProfile({ root: '/tmp/box', environment: {} }, true);
const definition = brokerDefinition(profile, '/usr/sbin/mosquitto');
const running = (extra: Partial<Pm2Process> = {}): Pm2Process => ({
  name: 'mqtt',
  id: 0,
  pid: 10,
  status: 'online',
  restarts: 0,
  uptimeSince: 1,
  execPath: definition.script,
  args: definition.args,
  outLog: definition.out_file,
  errLog: definition.error_file,
  ...extra,
});
const plan = (input: Partial<Parameters<typeof planBrokerAction>[0]>) =>
  planBrokerAction({
    current: running(),
    definition,
    definitionWritten: false,
    pending: [],
    configNewerThanBroker: false,
    ...input,
  });

test('a healthy broker running this definition, with nothing pending, is left alone', () => {
  assert.deepEqual(plan({}), { kind: 'keep' });
});

test('no broker in pm2: start it, because it was not running', () => {
  assert.deepEqual(plan({ current: undefined }), { kind: 'start', reasons: ['broker-down'] });
});

test('a stopped or crashing broker is started (not restarted) as broker-down', () => {
  assert.deepEqual(plan({ current: running({ status: 'stopped' }) }), { kind: 'start', reasons: ['broker-down'] });
  assert.deepEqual(plan({ current: running({ status: 'errored' }) }), { kind: 'start', reasons: ['broker-down'] });
});

test('a changed config restarts the broker, naming the reason', () => {
  assert.deepEqual(plan({ pending: ['config-changed'] }), { kind: 'restart', reasons: ['config-changed'] });
});

test('a binary changed under the same path (an upgrade) restarts it', () => {
  assert.deepEqual(plan({ pending: ['binary-changed'] }), { kind: 'restart', reasons: ['binary-changed'] });
});

test('another binary or another definition restarts it', () => {
  assert.deepEqual(plan({ current: running({ execPath: '/old/mosquitto' }) }), {
    kind: 'restart',
    reasons: ['binary-changed'],
  });
  assert.deepEqual(plan({ definitionWritten: true }), { kind: 'restart', reasons: ['definition-changed'] });
  assert.deepEqual(plan({ current: running({ outLog: '/elsewhere.log' }) }), {
    kind: 'restart',
    reasons: ['definition-changed'],
  });
});

test('a broker older than its config restarts to read it; several reasons are all named', () => {
  assert.deepEqual(plan({ configNewerThanBroker: true }), { kind: 'restart', reasons: ['config-newer-than-broker'] });
  const both = plan({ pending: ['config-changed'], configNewerThanBroker: true, orphans: true });
  assert.deepEqual(both, {
    kind: 'restart',
    reasons: ['config-changed', 'orphan-replaced', 'config-newer-than-broker'],
  });
  // a stopped broker runs no config: it is started, and the stale start time names no reason
  const stopped = plan({
    pending: ['config-changed'],
    configNewerThanBroker: true,
    current: running({ status: 'stopped' }),
  });
  assert.deepEqual(stopped, { kind: 'start', reasons: ['broker-down', 'config-changed'] });
});

test('a broker outside pm2 (its daemon was killed) is replaced: started under pm2, naming both reasons', () => {
  assert.deepEqual(plan({ current: undefined, orphans: true }), {
    kind: 'start',
    reasons: ['broker-down', 'orphan-replaced'],
  });
  assert.deepEqual(plan({ orphans: true }), { kind: 'restart', reasons: ['orphan-replaced'] });
});
