import { type OptionName, type ParsedOptions, parsePort, stringOption } from '../cli-options.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';

// Command modules load on use: `--help`, `--version` and light commands do not pay for zx, mqtt, node-pty.
const bridge = () => import('./bridge.js');
const config = () => import('./config.js');

export interface CommandDef {
  path: string[];
  usage: string;
  summary: string;
  options: OptionName[];
  positionals: [min: number, max: number];
  /** Changes the device: refused (exit 4) outside Termux without --root. */
  needsDevice: boolean;
  /** Writes: takes the dry-run flag, the log file named after the command. */
  run(ctx: Context, positionals: string[], options: ParsedOptions): Promise<number>;
}

export const COMMANDS: CommandDef[] = [
  {
    path: ['provision'],
    usage:
      'provision [--port N] [--dry-run] [--refuse-exposed] ' +
      '[--auth --username USER (--password-stdin | --password-file F)]',
    summary:
      'first boot: install mosquitto, factory config, run it under pm2 as "mqtt", start at boot, prove it answers',
    options: ['port', 'dry-run', 'refuse-exposed', 'auth', 'username', 'password-stdin', 'password-file'],
    positionals: [0, 0],
    needsDevice: true,
    run: async (ctx, _positionals, options) => {
      const port = parsePort(stringOption(options, 'port'), 1883);
      const refuseExposed = options['refuse-exposed'] === true;
      const { provision } = await import('./provision.js');
      if (options.auth !== true) {
        if (options.username !== undefined || options['password-stdin'] || options['password-file'] !== undefined) {
          throw badInput('--username and a password go with --auth');
        }
        return provision(ctx, { port, refuseExposed });
      }
      const { readPassword } = await import('./password-input.js');
      const { checkAuth } = await import('../tasks/auth.js');
      const password = await readPassword({
        stdin: options['password-stdin'] === true,
        file: stringOption(options, 'password-file'),
      });
      ctx.secrets.add(password);
      const auth = checkAuth({ username: requireOption(options, 'username'), password });
      return provision(ctx, { port, auth, refuseExposed });
    },
  },
  {
    path: ['doctor'],
    usage: 'doctor [--target T] [--fix] [--port N] [--ssh-config FILE]',
    summary:
      'health checks on the device over a pty; T: local, ssh://USER@HOST[:PORT] (8022 by default), adb[://SERIAL]',
    options: ['target', 'fix', 'port', 'ssh-config'],
    positionals: [0, 0],
    needsDevice: false,
    run: async (ctx, _p, options) =>
      (await import('./doctor.js')).doctor(ctx, {
        target: stringOption(options, 'target'),
        fix: options.fix === true,
        port: parsePort(stringOption(options, 'port'), 1883),
        sshConfig: stringOption(options, 'ssh-config'),
      }),
  },
  {
    path: ['status'],
    usage: 'status',
    summary:
      'one screen: broker version, pm2 state, uptime, restarts, listeners, bridges (exit 1 when mqtt is not online)',
    options: [],
    positionals: [0, 0],
    needsDevice: false,
    run: async (ctx) => (await import('./status.js')).status(ctx),
  },
  {
    path: ['config', 'show'],
    usage: 'config show',
    summary: 'the config in force (and files it includes), secrets redacted',
    options: [],
    positionals: [0, 0],
    needsDevice: false,
    run: async (ctx) => (await config()).configShow(ctx),
  },
  {
    path: ['config', 'validate'],
    usage: 'config validate [FILE] [--strict]',
    summary:
      "check a config as mosquitto reads it (default: the device's); FILE:LINE errors exit 2, warnings exit 0 " +
      '(--strict: warnings are errors)',
    options: ['strict'],
    positionals: [0, 1],
    needsDevice: false,
    run: async (ctx, [file], options) =>
      (await config()).configValidate(ctx, file, { strict: options.strict === true }),
  },
  {
    path: ['config', 'apply'],
    usage: 'config apply FILE [--dry-run] [--strict] [--allow-local-only]',
    summary: 'validate, back up, write atomically, restart, verify; roll back when the broker does not come back',
    options: ['dry-run', 'strict', 'allow-local-only'],
    positionals: [1, 1],
    needsDevice: true,
    run: async (ctx, [file], options) => (await config()).configApply(ctx, file!, applyPolicy(options)),
  },
  {
    path: ['config', 'edit'],
    usage: 'config edit [--strict] [--allow-local-only]',
    summary: 'edit with $VISUAL/$EDITOR, re-edit on errors, then apply the safe way',
    options: ['strict', 'allow-local-only'],
    positionals: [0, 0],
    needsDevice: true,
    run: async (ctx, _p, options) => (await import('./config-edit.js')).configEdit(ctx, applyPolicy(options)),
  },
  {
    path: ['config', 'backups'],
    usage: 'config backups',
    summary: 'list backups with time, reason and how each differs from the current config',
    options: [],
    positionals: [0, 0],
    needsDevice: false,
    run: async (ctx) => (await config()).configBackups(ctx),
  },
  {
    path: ['config', 'restore'],
    usage: 'config restore [ID] [--dry-run] [--allow-local-only]',
    summary: 'restore a backup (the newest by default) the same safe way as apply',
    options: ['dry-run', 'allow-local-only'],
    positionals: [0, 1],
    needsDevice: true,
    run: async (ctx, [id], options) => (await config()).configRestore(ctx, id, applyPolicy(options)),
  },
  {
    path: ['bridge', 'add', 'supla'],
    usage:
      'bridge add supla --id ID --address HOST:PORT --username USER (--password-stdin | --password-file F) ' +
      '[--cafile PATH] [--dry-run]',
    summary: 'add (or update) the SUPLA bridge section; the password never comes from the command line',
    options: ['id', 'address', 'username', 'password-stdin', 'password-file', 'cafile', 'dry-run'],
    positionals: [0, 0],
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
    usage: 'bridge list',
    summary: 'the bridges in the config (never their passwords)',
    options: [],
    positionals: [0, 0],
    needsDevice: false,
    run: async (ctx) => (await bridge()).bridgeList(ctx),
  },
  {
    path: ['bridge', 'remove'],
    usage: 'bridge remove ID [--dry-run]',
    summary: 'remove a bridge section; the rest of the file stays byte for byte',
    options: ['dry-run'],
    positionals: [1, 1],
    needsDevice: true,
    run: async (ctx, [id]) => (await bridge()).bridgeRemove(ctx, id!),
  },
  {
    path: ['reset'],
    usage: 'reset [--yes] [--keep-data] [--port N] [--dry-run]',
    summary: 'factory reset: back up, factory config, drop bridges, recreate "mqtt", verify',
    options: ['yes', 'keep-data', 'port', 'dry-run'],
    positionals: [0, 0],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await import('./reset.js')).reset(ctx, {
        yes: options.yes === true,
        keepData: options['keep-data'] === true,
        port: parsePort(stringOption(options, 'port'), 1883),
      }),
  },
];

function applyPolicy(options: ParsedOptions): { strict: boolean; allowLocalOnly: boolean } {
  return { strict: options.strict === true, allowLocalOnly: options['allow-local-only'] === true };
}

function requireOption(options: ParsedOptions, name: OptionName): string {
  const value = stringOption(options, name);
  if (value === undefined) throw badInput(`--${name} is required`);
  return value;
}

export function findCommand(positionals: string[]): { def: CommandDef; rest: string[] } | undefined {
  const matches = COMMANDS.filter((def) => def.path.every((word, i) => positionals[i] === word)).sort(
    (a, b) => b.path.length - a.path.length,
  );
  const def = matches[0];
  return def ? { def, rest: positionals.slice(def.path.length) } : undefined;
}
