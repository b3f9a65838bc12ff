import { type AccessProfile, configPort, readProfile, withProfile } from '../config/access-profile.js';
import { checkTopic, parseAcl, type TopicAccess, withRule } from '../config/acl-file.js';
import { loadConfigText } from '../config/load.js';
import { anonymousListeners } from '../config/model.js';
import { holdsPassword, passwordUsers, USERNAME_PATTERN, withoutUser, withUser } from '../config/password-file.js';
import { requireSafeValue } from '../config/safe-value.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { classifyAddress } from '../network/address-class.js';
import { readLocalAddresses } from '../network/read-addresses.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { currentPasswords } from '../tasks/auth.js';
import type { UsersEdit } from '../tasks/users.js';
import { finishSteps, printJson } from '../ui/print.js';
import { readPassword } from './password-input.js';

export interface PasswordSource {
  stdin: boolean;
  file: string | undefined;
}

function checkName(name: string): string {
  if (!USERNAME_PATTERN.test(name))
    throw badInput(
      t('the user name must be 1-64 characters of A-Z, a-z, 0-9, _ . @ -; nothing was changed'),
      t('e.g. gate-mqtt users add tablet1 --password-stdin'),
    );
  return name;
}

async function password(ctx: Context, from: PasswordSource): Promise<string> {
  const value = await readPassword(from);
  ctx.secrets.add(value);
  if (value === '') throw badInput(t('the password is empty; nothing was changed'), t('give a password'));
  requireSafeValue(t('the password'), value);
  return value;
}

const run = async (
  ctx: Context,
  name: 'users add' | 'users passwd' | 'users remove' | 'users allow' | 'users deny',
  edit: UsersEdit,
) => finishSteps(ctx, await runPipeline(ctx, PIPELINES[name](ctx, edit)));

const unknownUser = (name: string) =>
  badInput(t('no user {{name}}; nothing was changed', { name }), t('see: gate-mqtt users list'));

export async function usersAdd(ctx: Context, name: string, from: PasswordSource): Promise<number> {
  checkName(name);
  const pass = await password(ctx, from);
  return run(ctx, 'users add', {
    reason: 'users-add',
    edit: (passwords, acl) => {
      // The same user with the same password: done already (a run again after a kill, say).
      if (passwords !== undefined && holdsPassword(passwords, name, pass))
        return { passwords, acl, detail: t('user {{name}} exists already with this password', { name }) };
      if (passwordUsers(passwords).includes(name))
        throw badInput(
          t('user {{name}} exists already with another password; nothing was changed', { name }),
          t('to give it a new password: gate-mqtt users passwd {{name}} --password-stdin', { name }),
        );
      return { passwords: withUser(passwords, name, pass), acl, detail: t('user {{name}} added', { name }) };
    },
  });
}

export async function usersPasswd(ctx: Context, name: string, from: PasswordSource): Promise<number> {
  checkName(name);
  const pass = await password(ctx, from);
  return run(ctx, 'users passwd', {
    reason: 'users-passwd',
    edit: (passwords, acl) => {
      if (!passwordUsers(passwords).includes(name)) throw unknownUser(name);
      return { passwords: withUser(passwords, name, pass), acl, detail: t('new password of {{name}}', { name }) };
    },
  });
}

export async function usersRemove(ctx: Context, name: string): Promise<number> {
  checkName(name);
  return run(ctx, 'users remove', {
    reason: 'users-remove',
    edit: (passwords, acl) => {
      if (!passwordUsers(passwords).includes(name))
        return { passwords: passwords ?? '', acl, detail: t('no user {{name}}; nothing to remove', { name }) };
      return { passwords: withoutUser(passwords, name), acl, detail: t('user {{name}} removed', { name }) };
    },
  });
}

export async function usersTopic(ctx: Context, name: string, topic: string, access: TopicAccess): Promise<number> {
  checkName(name);
  checkTopic(topic);
  const command = access === 'deny' ? 'users deny' : 'users allow';
  return run(ctx, command, {
    reason: access === 'deny' ? 'users-deny' : 'users-allow',
    edit: (passwords, acl) => {
      if (!passwordUsers(passwords).includes(name)) throw unknownUser(name);
      const detail = t('{{name}}: topic {{access}} {{topic}}', { name, access, topic });
      return { passwords: passwords ?? '', acl: withRule(acl, name, { access, topic }), detail };
    },
  });
}

export async function usersList(ctx: Context): Promise<number> {
  const { aclFile } = ctx.profile.paths;
  const names = passwordUsers(await currentPasswords(ctx.profile.paths));
  const acl = parseAcl(await readText(aclFile));
  const users = names.map((name) => ({
    name,
    topics: (acl.users.get(name) ?? []).map((rule) => `${rule.access} ${rule.topic}`),
  }));
  if (ctx.output.json)
    printJson(ctx, { command: 'users list', ok: true, changed: false, steps: [], error: null, users });
  else if (users.length === 0) ctx.print(t('no users'));
  else for (const u of users) ctx.print(`${u.name}  ${u.topics.length ? u.topics.join(', ') : t('every topic')}`);
  return 0;
}

/** The interfaces that hold a private (RFC 1918) IPv4 address now: each gets a LAN listener of its own. */
async function lanInterfaces(ctx: Context): Promise<string[]> {
  const list = await readLocalAddresses(ctx.runner, ctx.profile.systemToolPath);
  const names = list.addresses
    .filter((a) => a.family === 4 && classifyAddress(a.address) === 'private')
    .map((a) => a.iface);
  return [...new Set(names)].sort();
}

export async function accessSet(ctx: Context, chosen: AccessProfile): Promise<number> {
  const profile = chosen;
  const lan = chosen === 'lan-login' ? await lanInterfaces(ctx) : [];
  if (chosen === 'lan-login' && lan.length === 0)
    throw badInput(
      t(
        'no network interface of this gateway has a private LAN address (RFC 1918) for the LAN listener; nothing was changed',
      ),
      t('connect the gateway to its LAN first, or require a login everywhere: gate-mqtt access set login'),
    );
  const { paths } = ctx.profile;
  const files = { passwordFile: paths.passwordFile, aclFile: paths.aclFile };
  return finishSteps(
    ctx,
    await runPipeline(
      ctx,
      PIPELINES['access set'](ctx, {
        users: {
          reason: 'access-set',
          needsUsers: chosen !== 'open',
          edit: (passwords, acl) => ({
            passwords: passwords ?? '',
            acl,
            detail: t('{{count}} user(s)', { count: passwordUsers(passwords).length }),
          }),
        },
        config: {
          reason: 'access-set',
          compose: (current) => {
            if (current === undefined)
              throw badInput(t('{{file}} does not exist', { file: paths.configFile }), t('run: gate-mqtt provision'));
            const text = withProfile(current, paths.configFile, chosen, files, lan);
            return {
              text,
              detail:
                text === current ? t('already {{profile}}', { profile }) : t('access profile {{profile}}', { profile }),
            };
          },
        },
      }),
    ),
  );
}

export async function accessShow(ctx: Context): Promise<number> {
  const { paths } = ctx.profile;
  const text = (await readText(paths.configFile)) ?? '';
  const { model } = await loadConfigText(text, paths.configFile);
  const profile = readProfile(model, { passwordFile: paths.passwordFile, aclFile: paths.aclFile });
  const users = passwordUsers(await currentPasswords(paths)).length;
  const anonymous = new Set(anonymousListeners(model));
  const listeners = model.listeners.map((l) => ({
    listener: `${l.options.get('bind_interface')?.value ?? l.bind ?? '*'}:${l.port}`,
    login: !anonymous.has(l),
  }));
  if (ctx.output.json)
    printJson(ctx, {
      command: 'access show',
      ok: true,
      changed: false,
      steps: [],
      error: null,
      access: { profile, port: configPort(model), users, listeners },
    });
  else {
    ctx.print(t('access profile: {{profile}}', { profile }));
    for (const l of listeners)
      ctx.print(`  ${l.listener}  ${l.login ? t('login required') : t('anonymous clients allowed')}`);
    ctx.print(t('users: {{count}}', { count: users }));
  }
  return 0;
}
