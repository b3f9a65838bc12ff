import { FACTORY_PORT } from '../config/factory.js';
import type { Context } from '../context/context.js';
import { msg, t } from '../i18n/translate.js';
import { CHECK_EVERY } from '../keeper/definition.js';
import { badInput } from '../model/errors.js';
import { USERS_COMMANDS, USERS_GROUPS } from './commands-users.js';
import { LISTENER_COMMANDS, LISTENER_GROUPS } from './listener-commands.js';
import {
  applyPolicy,
  isRemote,
  isSite,
  PASSWORD,
  refuseSiteOptions,
  requireOption,
  SITE,
  siteOptions,
  WITH_A_SITE,
  WITH_SEVERAL,
} from './option-values.js';
import { listOption, type OptionName, type ParsedOptions, parseCount, parsePort, stringOption } from './options.js';

// Command modules load on use: `--help`, `--version` and light commands do not pay for mqtt or node-pty.
const bridge = () => import('../commands/bridge.js');
const config = () => import('../commands/config.js');

export interface CommandDef {
  path: string[];
  /** Positional arguments in commander's syntax: `<file>` required, `[id]` optional. */
  args?: string;
  /** One line for --help (through t()). */
  summary: string;
  /** Command lines that show the usual uses. */
  examples: string[];
  options: OptionName[];
  /** Changes the device: refused (exit 4) outside Termux without --root; writes a run log. */
  needsDevice: boolean;
  /** Reads the device: refused (exit 4) outside Termux without --root; no run log. */
  readsDevice?: boolean | ((options: ParsedOptions) => boolean);
  /** Works on gateways elsewhere: --root/--prefix then name their layout, nothing of this machine's. */
  remote?: (options: ParsedOptions) => boolean;
  run(ctx: Context, positionals: string[], options: ParsedOptions): Promise<number>;
}

/** Groups of subcommands and what their --help says. */
export const GROUPS: Record<string, string> = {
  config: msg('the broker config: show, validate, apply, edit, backups, restore'),
  bridge: msg('bridges to other brokers (SUPLA cloud): add, list, remove'),
  'bridge add': msg('add a bridge, or update it in place'),
  ...LISTENER_GROUPS,
  ...USERS_GROUPS,
};

export const COMMANDS: CommandDef[] = [
  {
    path: ['provision'],
    summary: msg(
      'first boot: install mosquitto, factory config, run it under pm2 as "mqtt", start at boot, prove it answers',
    ),
    examples: [
      'gate-mqtt provision',
      'gate-mqtt provision --packages /sdcard/gate-packages',
      'gate-mqtt provision --auth --username hass --password-stdin',
    ],
    options: ['port', 'check-every', 'dry-run', 'refuse-exposed', 'packages', 'auth', 'username', ...PASSWORD],
    needsDevice: true,
    run: async (ctx, _positionals, options) => {
      const port = parsePort(stringOption(options, 'port'), FACTORY_PORT);
      const portAsked = stringOption(options, 'port') !== undefined;
      const refuseExposed = options['refuse-exposed'] === true;
      const packagesDir = stringOption(options, 'packages');
      const checkEvery = parseCheckEvery(options);
      const { provision } = await import('../commands/provision.js');
      if (options.auth !== true) {
        if (options.username !== undefined || options['password-stdin'] || options['password-file'] !== undefined) {
          throw badInput(t('--username and a password go with --auth'), t('add --auth, or leave them out'));
        }
        return provision(ctx, { port, portAsked, refuseExposed, packagesDir, checkEvery });
      }
      const { readPassword } = await import('../commands/password-input.js');
      const { checkAuth } = await import('../tasks/auth.js');
      const password = await readPassword({
        stdin: options['password-stdin'] === true,
        file: stringOption(options, 'password-file'),
      });
      ctx.secrets.add(password);
      const auth = checkAuth({ username: requireOption(options, 'username'), password });
      return provision(ctx, { port, portAsked, auth, refuseExposed, packagesDir, checkEvery });
    },
  },
  {
    path: ['doctor'],
    summary: msg('health checks on the device over a real terminal (pty), each with a hint; --fix repairs'),
    examples: [
      'gate-mqtt doctor --target ssh://u0_a123@192.168.1.20',
      'gate-mqtt doctor --inventory site.ini --limit warsaw --concurrency 10',
    ],
    options: [...SITE, 'fix', 'port'],
    needsDevice: false,
    remote: isRemote,
    run: async (ctx, _p, options) => {
      const targets = listOption(options, 'target');
      const sshConfig = stringOption(options, 'ssh-config');
      if (options.inventory !== undefined || targets.length > 1) {
        if (options.fix === true)
          throw badInput(t('--fix works on one gateway, on the device itself'), t('run gate-mqtt doctor --fix there'));
        return (await import('../commands/site.js')).site(ctx, 'doctor', siteOptions(options));
      }
      refuseSiteOptions(options, ['concurrency', 'limit', 'timeout'], 'doctor', WITH_SEVERAL);
      if (targets.length === 0) refuseSiteOptions(options, ['ssh-config'], 'doctor', WITH_A_SITE);
      return (await import('../commands/doctor.js')).doctor(ctx, {
        target: targets[0],
        fix: options.fix === true,
        port: parsePort(stringOption(options, 'port'), FACTORY_PORT),
        sshConfig,
      });
    },
  },
  {
    path: ['status'],
    summary: msg(
      'one screen: broker version, pm2 state, uptime, restarts, listeners, bridges (exit 1: mqtt not online)',
    ),
    examples: ['gate-mqtt status', 'gate-mqtt status --inventory site.ini'],
    options: SITE,
    needsDevice: false,
    remote: isSite,
    // this gateway's status reads it; a site's is read over ssh
    readsDevice: (options) => !isSite(options),
    run: async (ctx, _p, options) => {
      if (isSite(options)) return (await import('../commands/site.js')).site(ctx, 'status', siteOptions(options));
      refuseSiteOptions(options, ['concurrency', 'limit', 'timeout', 'ssh-config'], 'status', WITH_A_SITE);
      return (await import('../commands/status.js')).status(ctx);
    },
  },
  {
    path: ['logs'],
    summary: msg("the broker's log with readable local times (--ours: gate-mqtt's run logs and pm2's log)"),
    examples: ['gate-mqtt logs -n 100', 'gate-mqtt logs -f'],
    options: ['follow', 'lines', 'ours'],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx, _p, options) =>
      (await import('../commands/logs.js')).logs(ctx, {
        follow: options.follow === true,
        lines: parseCount(stringOption(options, 'lines'), 50),
        ours: options.ours === true,
      }),
  },
  {
    path: ['config', 'show'],
    summary: msg('the config in force (and files it includes), secrets redacted'),
    examples: ['gate-mqtt config show'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await config()).configShow(ctx),
  },
  {
    path: ['config', 'validate'],
    args: '[file]',
    summary: msg(
      "check a config as mosquitto reads it (default: the device's); FILE:LINE errors exit 2, warnings exit 0",
    ),
    examples: ['gate-mqtt config validate my.conf --strict'],
    options: ['strict'],
    needsDevice: false,
    run: async (ctx, [file], options) =>
      (await config()).configValidate(ctx, file, { strict: options.strict === true }),
  },
  {
    path: ['config', 'apply'],
    args: '<file>',
    summary: msg('validate, back up, write atomically, restart, verify; roll back when the broker does not come back'),
    examples: ['gate-mqtt config apply my.conf --dry-run'],
    options: ['dry-run', 'strict', 'allow-local-only'],
    needsDevice: true,
    run: async (ctx, [file], options) => (await config()).configApply(ctx, file!, applyPolicy(options)),
  },
  {
    path: ['config', 'edit'],
    summary: msg('edit with $VISUAL or $EDITOR, edit again on errors, then apply the safe way'),
    examples: ['EDITOR=nano gate-mqtt config edit'],
    options: ['strict', 'allow-local-only'],
    needsDevice: true,
    run: async (ctx, _p, options) => (await import('../commands/config-edit.js')).configEdit(ctx, applyPolicy(options)),
  },
  {
    path: ['config', 'backups'],
    summary: msg('backups with time, reason and how each differs from the current config'),
    examples: ['gate-mqtt config backups'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await config()).configBackups(ctx),
  },
  {
    path: ['config', 'restore'],
    args: '[id]',
    summary: msg('restore a backup (the newest by default) the same safe way as apply'),
    examples: ['gate-mqtt config restore 20261125T101500Z-apply'],
    options: ['dry-run', 'allow-local-only'],
    needsDevice: true,
    run: async (ctx, [id], options) => (await config()).configRestore(ctx, id, applyPolicy(options)),
  },
  {
    path: ['bridge', 'add', 'supla'],
    summary: msg('add (or update) the SUPLA bridge section; the password never comes from the command line'),
    examples: ['gate-mqtt bridge add supla --id supla --address mqtt.supla.org:8883 --username USER --password-stdin'],
    options: ['id', 'address', 'username', ...PASSWORD, 'cafile', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await bridge()).bridgeAdd(ctx, {
        id: requireOption(options, 'id'),
        address: requireOption(options, 'address'),
        username: requireOption(options, 'username'),
        cafile: stringOption(options, 'cafile'),
        passwordStdin: options['password-stdin'] === true,
        passwordFile: stringOption(options, 'password-file'),
      }),
  },
  {
    path: ['bridge', 'list'],
    summary: msg('the bridges in the config (never their passwords)'),
    examples: ['gate-mqtt bridge list'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await bridge()).bridgeList(ctx),
  },
  {
    path: ['bridge', 'remove'],
    args: '<id>',
    summary: msg('remove a bridge section; the rest of the file stays byte for byte'),
    examples: ['gate-mqtt bridge remove supla'],
    options: ['dry-run'],
    needsDevice: true,
    run: async (ctx, [id]) => (await bridge()).bridgeRemove(ctx, id!),
  },
  ...LISTENER_COMMANDS,
  {
    path: ['upgrade'],
    summary: msg(
      'upgrade mosquitto, keeping the config byte for byte; back to the previous package when the new one does not serve',
    ),
    examples: ['gate-mqtt upgrade --packages /sdcard/gate-packages', 'gate-mqtt upgrade --to 2.0.11-1.2+deb12u2'],
    options: ['packages', 'to', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await import('../commands/upgrade.js')).upgrade(ctx, {
        packagesDir: stringOption(options, 'packages'),
        to: stringOption(options, 'to'),
      }),
  },
  {
    path: ['uninstall'],
    summary: msg('give the broker up: out of pm2 and its dump, no boot hook; config and backups stay'),
    examples: ['gate-mqtt uninstall', 'gate-mqtt uninstall --purge --yes'],
    options: ['purge', 'yes', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await import('../commands/uninstall.js')).uninstall(ctx, {
        purge: options.purge === true,
        yes: options.yes === true,
      }),
  },
  {
    path: ['reset'],
    summary: msg('factory reset: back up, factory config, drop bridges, recreate "mqtt", verify'),
    examples: ['gate-mqtt reset --yes'],
    options: ['yes', 'keep-data', 'port', 'check-every', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await import('../commands/reset.js')).reset(ctx, {
        yes: options.yes === true,
        keepData: options['keep-data'] === true,
        port: parsePort(stringOption(options, 'port'), FACTORY_PORT),
        checkEvery: parseCheckEvery(options),
      }),
  },
  ...USERS_COMMANDS,
];

/** --check-every: undefined when not given (the keeper keeps the interval it has). */
function parseCheckEvery(options: ParsedOptions): number | undefined {
  const text = stringOption(options, 'check-every');
  return text === undefined
    ? undefined
    : parseCount(text, CHECK_EVERY.default, CHECK_EVERY.max, '--check-every', CHECK_EVERY.min);
}
