import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { withProfile } from '../../src/config/access-profile.js';
import { factoryConfig } from '../../src/config/factory.js';
import type { Context } from '../../src/context/context.js';
import type { Pipeline } from '../../src/model/steps.js';
import { PIPELINES } from '../../src/pipelines/catalog.js';
import type { UsersEdit } from '../../src/tasks/users.js';
import type { Sandbox } from './sandbox.js';
import type { Scenario, WalkRun } from './walk.js';

/**
 * The crash walk of users and access (issue 25), on the `login` profile: a sandbox has no LAN address
 * for lan-login (the namespace tests cover that), and the walk's round trip logs in as the user.
 */

type Prepared = (box: Sandbox) => Promise<void>;
interface Helpers {
  provisioned: Prepared;
  stepsOf: (box: Sandbox, build: (ctx: Context) => Pipeline) => string[];
}

export const USER = { username: 'walker', password: 'walk-Pass 1' };
const NOOP: UsersEdit = { reason: 'walk', edit: (p, acl) => ({ passwords: p ?? '', acl, detail: '' }) };

const loginConfig = (box: Sandbox) =>
  withProfile(factoryConfig(box.port), box.paths.configFile, 'login', box.paths, []);

async function ok(box: Sandbox, args: string[], input?: string): Promise<void> {
  const run = await box.cli(args, input === undefined ? {} : { input });
  if (run.code !== 0) throw new Error(`${args.join(' ')} failed (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
}

/** Started as root, mosquitto reads the password and ACL files as its own user: the sandbox is reachable. */
async function provisioned(h: Helpers, box: Sandbox): Promise<void> {
  chmodSync(box.root, 0o755);
  await h.provisioned(box);
}

/** A provisioned gateway whose broker requires the login of USER (and the password file holds `more`). */
async function loginGateway(h: Helpers, box: Sandbox, more: string[] = []): Promise<void> {
  await provisioned(h, box);
  for (const name of [USER.username, ...more])
    await ok(box, ['users', 'add', name, '--password-stdin'], `${name === USER.username ? USER.password : 'x-1'}\n`);
  await ok(box, ['access', 'set', 'login']);
}

const holds = (box: Sandbox, where: string, pattern: RegExp, file = box.paths.passwordFile) =>
  assert.match(readFileSync(file, 'utf8'), pattern, `${where}: ${file}`);

type Name = 'users add' | 'users passwd' | 'users remove' | 'users allow' | 'users deny' | 'access set';

export function usersScenarios(h: Helpers): Record<Name, Scenario> {
  const pipeline = (name: Name, ctx: Context) =>
    name === 'access set'
      ? PIPELINES['access set'](ctx, { users: NOOP, config: { reason: 'walk', compose: () => ({ detail: '' }) } })
      : PIPELINES[name](ctx, NOOP);
  const run = (box: Sandbox, args: string[], name: Name, extra: Partial<WalkRun> = {}): WalkRun => ({
    args,
    config: loginConfig(box),
    serving: true,
    login: USER,
    steps: h.stepsOf(box, (ctx) => pipeline(name, ctx)),
    ...extra,
  });
  return {
    'users add': {
      name: 'users add',
      prepare: async (_t, box) => {
        await loginGateway(h, box);
        return run(box, ['users', 'add', 'second', '--password-stdin'], 'users add', {
          input: 'second-Pass 2\n',
          check: (b, where) => holds(b, where, /^second:\$7\$/m),
        });
      },
    },
    'users passwd': {
      name: 'users passwd',
      prepare: async (_t, box) => {
        await loginGateway(h, box, ['second']);
        return run(box, ['users', 'passwd', 'second', '--password-stdin'], 'users passwd', { input: 'new-Pass 3\n' });
      },
    },
    'users remove': {
      name: 'users remove',
      prepare: async (_t, box) => {
        await loginGateway(h, box, ['second']);
        return run(box, ['users', 'remove', 'second'], 'users remove', {
          check: (b, where) => assert.doesNotMatch(readFileSync(b.paths.passwordFile, 'utf8'), /^second:/m, where),
        });
      },
    },
    'users allow': {
      name: 'users allow',
      prepare: async (_t, box) => {
        await loginGateway(h, box);
        const args = ['users', 'allow', USER.username, '--topic', 'gate-mqtt-test/#', '--readwrite'];
        return run(box, args, 'users allow', {
          check: (b, where) => holds(b, where, /^topic readwrite gate-mqtt-test\/#$/m, b.paths.aclFile),
        });
      },
    },
    'users deny': {
      name: 'users deny',
      prepare: async (_t, box) => {
        await loginGateway(h, box);
        return run(box, ['users', 'deny', USER.username, '--topic', 'home/alarm/#'], 'users deny', {
          check: (b, where) => holds(b, where, /^topic deny home\/alarm\/#$/m, b.paths.aclFile),
        });
      },
    },
    'access set': {
      name: 'access set',
      prepare: async (_t, box) => {
        await provisioned(h, box);
        await ok(box, ['users', 'add', USER.username, '--password-stdin'], `${USER.password}\n`);
        return run(box, ['access', 'set', 'login'], 'access set');
      },
    },
  };
}
