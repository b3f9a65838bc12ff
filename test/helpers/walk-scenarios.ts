import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { factoryConfig } from '../../src/config/factory.js';
import { type ListenerSpec, listenerSectionLines } from '../../src/config/listener-section.js';
import { assembleContext } from '../../src/context/build.js';
import type { Context } from '../../src/context/context.js';
import type { Pipeline } from '../../src/model/steps.js';
import { PIPELINES, type PipelineName } from '../../src/pipelines/catalog.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { folder, U1, U2 } from './debs.js';
import { freePort, PROJECT, type Sandbox } from './sandbox.js';
import { lines, suplaSection } from './text.js';
import type { Scenario } from './walk.js';
import { usersScenarios } from './walk-users.js';

/** The steps a pipeline of the table has for these options, on this gateway. */
export function stepsOf(box: Sandbox, build: (ctx: Context) => Pipeline): string[] {
  const ctx = assembleContext({
    profile: resolveProfile({ root: box.root }, true),
    output: { json: false, verbose: false, color: false, interactive: false },
    dryRun: false,
    logFile: undefined,
    logName: 'walk',
    print: () => undefined,
  });
  return build(ctx).steps.map((step) => step.id);
}

/** A provisioned gateway with the factory config, as a scenario starts from (its own box, not a new one). */
async function provision(box: Sandbox, extra: string[] = []): Promise<void> {
  const run = await box.cli(['provision', '--port', String(box.port), ...extra]);
  if (run.code !== 0) throw new Error(`provision failed (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  copyFileSync('/etc/ssl/certs/ca-certificates.crt', path.join(box.paths.prefix, 'etc', 'tls', 'cert.pem'));
}

export async function provisionedBox(box: Sandbox): Promise<void> {
  spawnSync('mkdir', ['-p', path.join(box.paths.prefix, 'etc', 'tls')]);
  await provision(box);
}

const BRIDGE = { id: 'g', address: '127.0.0.1:1', username: 'u', password: 'pw' };
const bridgeArgs = ['bridge', 'add', 'supla', '--id', 'g', '--address', '127.0.0.1:1', '--username', 'u'];
const withBridge = (box: Sandbox) =>
  `${factoryConfig(box.port)}\n${suplaSection({ ...BRIDGE, cafile: box.paths.tlsCaFile })}`;

/** A candidate config on another free port (the broker must end up serving it, not only have it on disk). */
async function candidate(box: Sandbox, name: string): Promise<{ file: string; text: string }> {
  const text = lines(`# ${name}`, `listener ${await freePort()} 0.0.0.0`, 'allow_anonymous true');
  const file = path.join(box.root, `${name}.conf`);
  writeFileSync(file, text);
  return { file, text };
}

/** Every command with a pipeline, from the state it starts in to the one it must end in. */
export const SCENARIOS: Record<PipelineName, Scenario> = {
  provision: {
    name: 'provision',
    prepare: async (_t, box) => ({
      args: ['provision', '--port', String(box.port)],
      config: factoryConfig(box.port),
      serving: true,
      steps: stepsOf(box, (ctx) => PIPELINES.provision(ctx, { port: box.port })),
    }),
  },
  reset: {
    name: 'reset',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const custom = await candidate(box, 'custom');
      await box.cli(['config', 'apply', custom.file]);
      return {
        args: ['reset', '--yes', '--port', String(box.port)],
        config: factoryConfig(box.port),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES.reset(ctx, { port: box.port, keepData: false })),
      };
    },
  },
  'doctor --fix': {
    name: 'doctor --fix',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      // Android killed the broker's entry and the boot hook went: two failed checks, every fix.
      box.pm2(['delete', 'mqtt']);
      rmSync(box.paths.bootHook);
      const actions = ['start-broker', 'register-startup'] as const;
      return {
        args: ['doctor', '--fix', '--port', String(box.port)],
        config: factoryConfig(box.port),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['doctor --fix'](ctx, { actions, port: box.port })),
      };
    },
  },
  'config apply': {
    name: 'config apply',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const next = await candidate(box, 'next');
      return {
        args: ['config', 'apply', next.file],
        config: next.text,
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['config apply'](ctx, { text: next.text, from: next.file })),
      };
    },
  },
  'config restore': {
    name: 'config restore',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const custom = await candidate(box, 'custom');
      await box.cli(['config', 'apply', custom.file]); // backs the factory config up: what restore brings back
      const text = factoryConfig(box.port);
      return {
        args: ['config', 'restore'],
        config: text,
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['config restore'](ctx, { text, from: 'the backup' })),
      };
    },
  },
  'config edit': {
    name: 'config edit',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const text = lines('# edited', `listener ${box.port} 0.0.0.0`, 'allow_anonymous true', 'max_keepalive 120');
      return {
        args: ['config', 'edit'],
        terminal: true,
        env: { EDITOR: path.join(PROJECT, 'test', 'fixtures', 'one-step-editor'), GATE_TEST_PORT: String(box.port) },
        config: text,
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['config edit'](ctx, { text, from: 'the edited copy' })),
      };
    },
  },
  'bridge add': {
    name: 'bridge add',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const bridge = { ...BRIDGE, cafile: box.paths.tlsCaFile };
      return {
        args: [...bridgeArgs, '--password-stdin'],
        input: `${BRIDGE.password}\n`,
        config: withBridge(box),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['bridge add'](ctx, { bridge })),
      };
    },
  },
  'bridge remove': {
    name: 'bridge remove',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      const added = await box.cli([...bridgeArgs, '--password-stdin'], { input: `${BRIDGE.password}\n` });
      if (added.code !== 0) throw new Error(`bridge add failed: ${added.stdout}${added.stderr}`);
      return {
        args: ['bridge', 'remove', 'g'],
        config: factoryConfig(box.port),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['bridge remove'](ctx, { id: 'g' })),
      };
    },
  },
  'listener add': {
    name: 'listener add',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      spawnSync('chmod', ['755', box.root]); // as root, mosquitto reads the certificate as its own user
      const port = await freePort();
      const dir = box.paths.certsDir;
      const spec = {
        kind: 'tls',
        port,
        certfile: `${dir}/gate-mqtt-server.pem`,
        keyfile: `${dir}/gate-mqtt-server.pem`,
      };
      return {
        args: ['listener', 'add', 'tls', '--port', String(port), '--self-signed'],
        config: `${factoryConfig(box.port)}\n${listenerSectionLines(spec as ListenerSpec).join('\n')}\n`,
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['listener add'](ctx, { spec: spec as ListenerSpec, selfSigned: true })),
      };
    },
  },
  'listener remove': {
    name: 'listener remove',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      spawnSync('chmod', ['755', box.root]); // as root, mosquitto reads the certificate as its own user
      const port = await freePort();
      const added = await box.cli(['listener', 'add', 'websockets', '--port', String(port)]);
      if (added.code !== 0) throw new Error(`listener add failed: ${added.stdout}${added.stderr}`);
      return {
        args: ['listener', 'remove', String(port)],
        config: factoryConfig(box.port),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['listener remove'](ctx, { port })),
      };
    },
  },
  'listener renew': {
    name: 'listener renew',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      spawnSync('chmod', ['755', box.root]); // as root, mosquitto reads the certificate as its own user
      const port = await freePort();
      const added = await box.cli(['listener', 'add', 'tls', '--port', String(port), '--self-signed']);
      if (added.code !== 0) throw new Error(`listener add failed: ${added.stdout}${added.stderr}`);
      return {
        args: ['listener', 'renew'],
        config: readFileSync(box.paths.configFile, 'utf8'),
        serving: true,
        steps: stepsOf(box, (ctx) => PIPELINES['listener renew'](ctx)),
      };
    },
  },
  upgrade: {
    name: 'upgrade',
    prepare: async (t, box) => {
      spawnSync('mkdir', ['-p', path.join(box.paths.prefix, 'etc', 'tls')]);
      await provision(box, ['--packages', folder(t, U1)]);
      const packagesDir = folder(t, U2);
      return {
        args: ['upgrade', '--packages', packagesDir],
        config: factoryConfig(box.port),
        serving: true,
        version: U2,
        steps: stepsOf(box, (ctx) => PIPELINES.upgrade(ctx, { packagesDir })),
      };
    },
  },
  ...usersScenarios({ provisioned: provisionedBox, stepsOf }),
  uninstall: {
    name: 'uninstall',
    prepare: async (_t, box) => {
      await provisionedBox(box);
      return {
        args: ['uninstall', '--purge', '--yes'],
        config: undefined,
        serving: false,
        steps: stepsOf(box, (ctx) => PIPELINES.uninstall(ctx, { purge: true })),
      };
    },
  },
};

/** The preflight every pipeline begins with (pipelines/run.ts). */
export const PREFLIGHT = ['preflight.node', 'preflight.lock', 'preflight.disk', 'preflight.journal'];
