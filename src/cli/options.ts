import { msg, t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

/** One option of the command line: commander's flags (a value in <>) and what --help says of it. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Taken by every command. */
  global?: boolean;
  /** May be given more than once (`--target A --target B`): the values in order. */
  repeatable?: boolean;
  /** A value to show in a hint when the option's value is missing ("e.g. --port 1883"). */
  example?: string;
}

/** Every option the CLI knows; each command says which of them it takes. Descriptions go through t(). */
export const OPTION_SPECS = {
  root: {
    flags: '--root <dir>',
    example: './.gateway',
    description: msg('a sandbox gateway: every device path below DIR (like DESTDIR)'),
    global: true,
  },
  prefix: {
    flags: '--prefix <path>',
    example: '/data/data/com.termux/files/usr',
    description: msg('the Termux prefix (default $PREFIX or /data/data/com.termux/files/usr)'),
    global: true,
  },
  json: { flags: '--json', description: msg('print one JSON document on stdout and nothing else there'), global: true },
  log: {
    flags: '--log <file>',
    example: 'run.log',
    description: msg("append this run's log to FILE (default: PREFIX/var/log/gate-mqtt/COMMAND.log)"),
    global: true,
  },
  verbose: { flags: '--verbose', description: msg('echo the log lines on stderr'), global: true },
  'no-color': { flags: '--no-color', description: msg('no colours (also NO_COLOR)'), global: true },
  lang: {
    flags: '--lang <pl|en>',
    example: 'pl',
    description: msg('language of the messages (default: from LC_ALL, LC_MESSAGES or LANG; pl* is Polish)'),
    global: true,
  },
  'dry-run': { flags: '--dry-run', description: msg('say what would be done; change nothing') },
  port: {
    flags: '--port <n>',
    example: '1883',
    description: msg("the listener's port (provision, reset, doctor: the factory config's; default 1883)"),
  },
  target: {
    flags: '--target <target>',
    example: 'ssh://u0_a123@192.168.1.20',
    description: msg(
      'where to check: local (default), ssh://USER@HOST[:PORT] (port 8022 by default) or adb[://SERIAL]; repeat it for several gateways',
    ),
    repeatable: true,
  },
  inventory: {
    flags: '--inventory <source>',
    example: 'site.ini',
    description: msg(
      'check the gateways of an Ansible inventory (a file, a folder, a script or "host1,host2,"), reached as Ansible\'s ssh reaches them; read by ansible-inventory when Ansible is installed',
    ),
  },
  limit: {
    flags: '--limit <pattern>',
    example: 'warsaw',
    description: msg('only the inventory hosts this Ansible pattern selects (groups, globs, a:b, a:&b, a:!b)'),
  },
  timeout: {
    flags: '--timeout <seconds>',
    example: '90',
    description: msg('how long one gateway may take before it is reported as not answering (default 90)'),
  },
  'check-every': {
    flags: '--check-every <seconds>',
    example: '60',
    description: msg('how often the keeper checks that the broker serves (5-3600, default 60; kept until changed)'),
  },
  concurrency: {
    flags: '--concurrency <n>',
    example: '16',
    description: msg('how many gateways are checked at once (default 16)'),
  },
  'ssh-config': {
    flags: '--ssh-config <file>',
    example: '~/.ssh/config',
    description: msg('an ssh_config file for the ssh client (ssh -F)'),
  },
  fix: { flags: '--fix', description: msg('apply the safe fixes for what failed (on the device), then check again') },
  yes: { flags: '--yes', description: msg('do it without asking (required without a terminal)') },
  'keep-data': {
    flags: '--keep-data',
    description: msg("keep the broker's data folder (retained messages, sessions)"),
  },
  id: { flags: '--id <id>', example: 'supla', description: msg('the bridge name (letters, digits, - and _)') },
  address: {
    flags: '--address <host:port>',
    example: 'mqtt.supla.org:8883',
    description: msg("the remote broker's address"),
  },
  username: { flags: '--username <user>', example: 'hass', description: msg('the user name') },
  'password-stdin': { flags: '--password-stdin', description: msg('read the password from standard input') },
  'password-file': {
    flags: '--password-file <file>',
    example: 'password.txt',
    description: msg('read the password from FILE (first line)'),
  },
  cafile: {
    flags: '--cafile <path>',
    example: '/data/data/com.termux/files/usr/etc/tls/cert.pem',
    description: msg(
      "CA certificates: a bridge's to trust the remote broker (default: the prefix's CA bundle); a TLS listener's to check client certificates",
    ),
  },
  cert: {
    flags: '--cert <file>',
    example: '/sdcard/server.pem',
    description: msg('the PEM server certificate (its chain after it) for a TLS listener'),
  },
  key: {
    flags: '--key <file>',
    example: '/sdcard/server.key',
    description: msg('the PEM private key of --cert (read by the broker, never shown or logged)'),
  },
  'self-signed': {
    flags: '--self-signed',
    description: msg("a local CA and a certificate for the gateway's addresses, made with openssl"),
  },
  auth: { flags: '--auth', description: msg('require passwords: allow_anonymous false and a password file') },
  strict: { flags: '--strict', description: msg('treat warnings as errors') },
  'allow-local-only': {
    flags: '--allow-local-only',
    description: msg('accept a config that no LAN device can reach (loopback or unix sockets only)'),
  },
  'refuse-exposed': {
    flags: '--refuse-exposed',
    description: msg('do not serve an anonymous broker that answers on an address outside the local networks'),
  },
  packages: {
    flags: '--packages <dir>',
    example: './debs',
    description: msg('install mosquitto from the package files (.deb) in DIR: no network'),
  },
  to: {
    flags: '--to <version>',
    example: '2.0.11-1.2+deb12u2',
    description: msg('the package version to go to (default: the newest)'),
  },
  purge: {
    flags: '--purge',
    description: msg("also remove the config and the broker's data, after a final backup (backups stay)"),
  },
  follow: { flags: '-f, --follow', description: msg('keep printing new lines as they come') },
  lines: { flags: '-n, --lines <n>', example: '50', description: msg('how many of the last lines (default 50)') },
  ours: {
    flags: '--ours',
    description: msg("gate-mqtt's run logs and the pm2 daemon's log instead of the broker's log"),
  },
  topic: { flags: '--topic <pattern>', example: "'home/+/temp'", description: msg('an MQTT topic filter (+ and #)') },
  read: { flags: '--read', description: msg('subscribe (receive) only') },
  write: { flags: '--write', description: msg('publish (send) only') },
  readwrite: { flags: '--readwrite', description: msg('subscribe and publish') },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTION_SPECS;
export type ParsedOptions = Partial<Record<OptionName, string | boolean | string[]>>;

export function stringOption(options: ParsedOptions, name: OptionName): string | undefined {
  const value = options[name];
  if (Array.isArray(value)) return value.at(-1);
  return typeof value === 'string' ? nonEmpty(name, value) : undefined;
}

/** An empty value ("--to ''") is no value: refused before it can mean "the default" or "here". */
function nonEmpty(name: OptionName, value: string): string {
  if (value === '')
    throw badInput(
      t('option "{{name}}" needs a value', { name: `--${name}` }),
      exampleHint(name) ?? t('see: gate-mqtt COMMAND --help'),
    );
  return value;
}

/** Every value of a repeatable option, in order. */
export function listOption(options: ParsedOptions, name: OptionName): string[] {
  const value = options[name];
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return values.map((one) => nonEmpty(name, one));
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
    throw badInput(
      t('--port must be a whole number 1-65535, not {{value}}', { value: JSON.stringify(text) }),
      t('e.g. --port 1883'),
    );
  return Number(text);
}

/** A count such as --lines: a whole number from 0 (with -f: only what comes next, like tail -n 0) to max. */
export function parseCount(
  text: string | undefined,
  fallback: number,
  max = 100_000,
  name = '--lines',
  min = name === '--lines' ? 0 : 1,
): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) > max || Number(text) < min)
    throw badInput(
      t('{{name}} must be a whole number {{min}}-{{max}}, not {{value}}', {
        name,
        min,
        max,
        value: JSON.stringify(text),
      }),
      t('e.g. {{name}} {{example}}', { name, example: Math.min(max, Math.max(min, 10)) }),
    );
  return Number(text);
}

/**
 * The value names in commander's usage and option terms ("--root <dir>", "apply [options] <file>"), said
 * in the chosen language; the flags themselves stay as typed. A name missing here is shown as it is.
 */
export const VALUE_NAMES: Record<string, string> = {
  dir: msg('dir'),
  file: msg('file'),
  'host:port': msg('host:port'),
  id: msg('id'),
  n: msg('n'),
  name: msg('name'),
  profile: msg('profile'),
  path: msg('path'),
  pattern: msg('pattern'),
  'pl|en': msg('pl|en'),
  seconds: msg('seconds'),
  source: msg('source'),
  target: msg('target'),
  user: msg('user'),
  version: msg('version'),
  shell: msg('shell'),
  options: msg('options'),
  command: msg('command'),
};

/** "<dir>" and "[options]" inside a help term, with the names translated ("<katalog>", "[opcje]"). */
export const valueNames = (text: string) =>
  text.replace(/([<[])([^\]>]+)([\]>])/g, (whole, open: string, name: string, close: string) =>
    VALUE_NAMES[name] === undefined ? whole : `${open}${t(VALUE_NAMES[name])}${close}`,
  );

/** The hint for an option given without its value: an example of one ("e.g. --port 1883"). */
export function exampleHint(name: OptionName): string | undefined {
  const example = (OPTION_SPECS[name] as OptionSpec).example;
  return example === undefined ? undefined : t('e.g. {{name}} {{example}}', { name: `--${name}`, example });
}
