import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/commands.js';
import type { Pipeline } from '../../src/model/steps.js';
import { PIPELINES, type PipelineName } from '../../src/pipelines/catalog.js';
import { allSteps } from '../../src/pipelines/run.js';
import { unitContext } from '../helpers/unit-context.js';

const BRIDGE = { id: 'b', address: '127.0.0.1:1', username: 'u', password: 'p', cafile: '/ca.pem' };
const USERS = { reason: 'r', edit: () => ({ passwords: '', acl: { hand: [], users: new Map() }, detail: '' }) };
const WHOLE = { text: 'listener 1883 0.0.0.0\n', from: 'x.conf' };

/** Every pipeline, built with options that turn on every step it has (a site of steps, not a run). */
function everyPipeline(ctx: Parameters<(typeof PIPELINES)['provision']>[0]): Record<PipelineName, Pipeline> {
  return {
    provision: PIPELINES.provision(ctx, { port: 1883, auth: { username: 'u', password: 'p' }, packagesDir: '/d' }),
    reset: PIPELINES.reset(ctx, { port: 1883, keepData: false }),
    'doctor --fix': PIPELINES['doctor --fix'](ctx, {
      port: 1883,
      actions: ['install-broker', 'write-factory-config', 'start-broker', 'register-startup', 'renew-certificate'],
    }),
    'config apply': PIPELINES['config apply'](ctx, WHOLE),
    'config restore': PIPELINES['config restore'](ctx, WHOLE),
    'config edit': PIPELINES['config edit'](ctx, WHOLE),
    'bridge add': PIPELINES['bridge add'](ctx, { bridge: BRIDGE }),
    'bridge remove': PIPELINES['bridge remove'](ctx, { id: 'b' }),
    'listener add': PIPELINES['listener add'](ctx, { spec: { kind: 'websockets', port: 9001 }, selfSigned: true }),
    'listener remove': PIPELINES['listener remove'](ctx, { port: 9001 }),
    'listener renew': PIPELINES['listener renew'](ctx),
    upgrade: PIPELINES.upgrade(ctx, { packagesDir: '/d' }),
    uninstall: PIPELINES.uninstall(ctx, { purge: true }),
    ...Object.fromEntries(
      (['users add', 'users passwd', 'users remove', 'users allow', 'users deny'] as const).map((name) => [
        name,
        PIPELINES[name](ctx, USERS),
      ]),
    ),
    'access set': PIPELINES['access set'](ctx, {
      users: USERS,
      config: { reason: 'r', compose: () => ({ detail: '' }) },
    }),
  } as Record<PipelineName, Pipeline>;
}

const PREFLIGHT = ['preflight.node', 'preflight.lock', 'preflight.disk', 'preflight.journal'];
const SERVE = ['network.exposure', 'pm2.process', 'verify.roundtrip', 'pm2.keeper', 'pm2.save', 'startup.hook'];
const PROGRAMS = ['mosquitto.install', 'mosquitto.version', 'pm2.installed', 'config.folders'];
const CONFIG_CHANGE = ['config.compose', 'config.validate', 'config.write', 'broker.restart', 'pm2.keeper', 'pm2.save'];

/** Every step of every command, in order, after the preflight every run begins with. */
const EXPECTED: Record<PipelineName, string[]> = {
  provision: [...PROGRAMS, 'auth.passwords', 'config.factory', ...SERVE, 'startup.watchdog'],
  reset: [...PROGRAMS, 'reset.backup', 'reset.config', ...SERVE],
  'doctor --fix': [...PROGRAMS, 'config.factory', ...SERVE, 'tls.certificates', 'tls.reload'],
  'config apply': CONFIG_CHANGE,
  'config restore': CONFIG_CHANGE,
  'config edit': CONFIG_CHANGE,
  'bridge add': CONFIG_CHANGE,
  'bridge remove': CONFIG_CHANGE,
  'listener add': ['config.compose', 'tls.certificates', ...CONFIG_CHANGE.slice(1)],
  'listener remove': CONFIG_CHANGE,
  'listener renew': ['tls.certificates', 'tls.reload'],
  upgrade: ['package.install', 'broker.restart', 'pm2.keeper', 'pm2.save'],
  uninstall: ['pm2.remove', 'pm2.save', 'startup.hook', 'startup.watchdog-remove', 'config.purge'],
  'users add': ['users.files', 'broker.restart'],
  'users passwd': ['users.files', 'broker.restart'],
  'users remove': ['users.files', 'broker.restart'],
  'users allow': ['users.files', 'broker.restart'],
  'users deny': ['users.files', 'broker.restart'],
  'access set': ['users.files', ...CONFIG_CHANGE],
};

test('every step of every command, listed from the one table of pipelines', (t) => {
  const { ctx } = unitContext(t);
  const built = everyPipeline(ctx);
  assert.deepEqual(Object.keys(built).sort(), Object.keys(PIPELINES).sort(), 'every pipeline is listed here');
  for (const [name, pipeline] of Object.entries(built)) {
    assert.equal(pipeline.command, name);
    const ids = allSteps(ctx, pipeline, () => undefined).map((step) => step.id);
    assert.deepEqual(ids, [...PREFLIGHT, ...EXPECTED[name as PipelineName]], name);
    for (const step of pipeline.steps) assert.ok(step.title.length > 0, `${name}: ${step.id} has a title`);
  }
});

test('every command that changes the device runs a pipeline of the table', () => {
  const changing = COMMANDS.filter((def) => def.needsDevice).map((def) => def.path.join(' '));
  const named = (path: string) =>
    path === 'bridge add supla'
      ? 'bridge add'
      : path.startsWith('listener add ')
        ? 'listener add'
        : path.startsWith('access set ')
          ? 'access set'
          : path;
  assert.deepEqual(
    changing.map(named).filter((name) => !(name in PIPELINES)),
    [],
  );
  assert.ok('doctor --fix' in PIPELINES, 'doctor --fix changes the device too');
});

test('the provision and reset pipelines check the broker on the --port asked, where the config says none', (t) => {
  const { ctx } = unitContext(t);
  assert.equal(PIPELINES.provision(ctx, { port: 18830 }).port, 18830);
  assert.equal(PIPELINES.reset(ctx, { port: 18831, keepData: true }).port, 18831);
  assert.equal(PIPELINES.upgrade(ctx, {}).port, undefined, 'the config on disk says where');
});
