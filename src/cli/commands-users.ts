import { msg, t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import type { CommandDef } from './commands.js';
import { PASSWORD, requireOption } from './option-values.js';
import type { ParsedOptions } from './options.js';
import { stringOption } from './options.js';

/** users and access (issue 25): who may log in, which topics each may use, and who needs a login. */
const users = () => import('../commands/users.js');

const password = (options: ParsedOptions) => ({
  stdin: options['password-stdin'] === true,
  file: stringOption(options, 'password-file'),
});

/** --read, --write or --readwrite: exactly one. */
function access(options: ParsedOptions): 'read' | 'write' | 'readwrite' {
  const given = (['read', 'write', 'readwrite'] as const).filter((name) => options[name] === true);
  if (given.length !== 1)
    throw badInput(
      t('give one of --read, --write and --readwrite'),
      t("e.g. gate-mqtt users allow tablet1 --topic 'home/#' --readwrite"),
    );
  return given[0]!;
}

export const USERS_GROUPS: Record<string, string> = {
  users: msg('who may log in and the topics each may use: add, passwd, remove, list, allow, deny'),
  access: msg('who needs a login: show, set'),
  'access set': msg('choose an access profile: open, lan-login or login'),
};

export const USERS_COMMANDS: CommandDef[] = [
  {
    path: ['users', 'add'],
    args: '<name>',
    summary: msg('add a user; the password never comes from the command line'),
    examples: ['gate-mqtt users add tablet1 --password-stdin'],
    options: [...PASSWORD, 'dry-run'],
    needsDevice: true,
    run: async (ctx, [name], options) => (await users()).usersAdd(ctx, name!, password(options)),
  },
  {
    path: ['users', 'passwd'],
    args: '<name>',
    summary: msg("change a user's password"),
    examples: ['gate-mqtt users passwd tablet1 --password-file /sdcard/tablet1.txt'],
    options: [...PASSWORD, 'dry-run'],
    needsDevice: true,
    run: async (ctx, [name], options) => (await users()).usersPasswd(ctx, name!, password(options)),
  },
  {
    path: ['users', 'remove'],
    args: '<name>',
    summary: msg('remove a user (and its topics)'),
    examples: ['gate-mqtt users remove tablet1'],
    options: ['dry-run'],
    needsDevice: true,
    run: async (ctx, [name]) => (await users()).usersRemove(ctx, name!),
  },
  {
    path: ['users', 'list'],
    summary: msg('the users and their topics (never a password)'),
    examples: ['gate-mqtt users list'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await users()).usersList(ctx),
  },
  {
    path: ['users', 'allow'],
    args: '<name>',
    summary: msg('let a user use a topic; once a user has one, it may use only the topics it was allowed'),
    examples: ["gate-mqtt users allow tablet1 --topic 'home/#' --readwrite"],
    options: ['topic', 'read', 'write', 'readwrite', 'dry-run'],
    needsDevice: true,
    run: async (ctx, [name], options) =>
      (await users()).usersTopic(ctx, name!, requireOption(options, 'topic'), access(options)),
  },
  {
    path: ['users', 'deny'],
    args: '<name>',
    summary: msg('refuse a user a topic, whatever it is allowed'),
    examples: ["gate-mqtt users deny tablet1 --topic 'home/alarm/#'"],
    options: ['topic', 'dry-run'],
    needsDevice: true,
    run: async (ctx, [name], options) =>
      (await users()).usersTopic(ctx, name!, requireOption(options, 'topic'), 'deny'),
  },
  {
    path: ['access', 'show'],
    summary: msg('the access profile of the config, each listener and whether it needs a login'),
    examples: ['gate-mqtt access show'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await users()).accessShow(ctx),
  },
  ...(
    [
      ['open', msg('anonymous clients on every IPv4 address: the factory config')],
      ['lan-login', msg('anonymous clients only on 127.0.0.1 (the apps of the gateway itself), a login on the LAN')],
      ['login', msg('a login on every address, 127.0.0.1 too')],
    ] as const
  ).map(
    ([profile, summary]): CommandDef => ({
      path: ['access', 'set', profile],
      summary,
      examples: [`gate-mqtt access set ${profile}`],
      options: ['dry-run'],
      needsDevice: true,
      run: async (ctx) => (await users()).accessSet(ctx, profile),
    }),
  ),
];
