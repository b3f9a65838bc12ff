import { msg, t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import type { CommandDef } from './commands.js';
import { requireOption } from './option-values.js';
import { type ParsedOptions, parsePort, stringOption } from './options.js';

const listener = () => import('../commands/listener.js');

/** The port of `listener add`: required, 1-65535. */
const portOf = (options: ParsedOptions) => parsePort(requireOption(options, 'port'), 0);

/** The PORT of `listener remove`: said as the argument it is, not as --port. */
function positionalPort(text: string): number {
  if (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535) return Number(text);
  throw badInput(
    t('PORT must be a whole number 1-65535, not {{value}}', { value: JSON.stringify(text) }),
    t('e.g. gate-mqtt listener remove 8883'),
  );
}

export const LISTENER_GROUPS: Record<string, string> = {
  listener: msg("the broker's listeners: add (TLS, websockets), list, remove, renew certificates"),
  'listener add': msg('add a TLS or websockets listener, or update one gate-mqtt added'),
};

export const LISTENER_COMMANDS: CommandDef[] = [
  {
    path: ['listener', 'add', 'tls'],
    summary: msg(
      'add a TLS listener: a local CA and a certificate for the gateway (--self-signed), or your own pair (checked first)',
    ),
    examples: [
      'gate-mqtt listener add tls --port 8883 --self-signed',
      'gate-mqtt listener add tls --port 8883 --cert /sdcard/server.pem --key /sdcard/server.key',
    ],
    options: ['port', 'self-signed', 'cert', 'key', 'cafile', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) =>
      (await listener()).listenerAddTls(ctx, {
        port: portOf(options),
        cert: stringOption(options, 'cert'),
        key: stringOption(options, 'key'),
        cafile: stringOption(options, 'cafile'),
        selfSigned: options['self-signed'] === true,
      }),
  },
  {
    path: ['listener', 'add', 'websockets'],
    summary: msg('add a websockets listener (MQTT over ws://GATEWAY:PORT, for browsers)'),
    examples: ['gate-mqtt listener add websockets --port 9001'],
    options: ['port', 'dry-run'],
    needsDevice: true,
    run: async (ctx, _p, options) => (await listener()).listenerAddWebsockets(ctx, portOf(options)),
  },
  {
    path: ['listener', 'list'],
    summary: msg('the listeners in the config: port, kind, who added it, and when a certificate ends'),
    examples: ['gate-mqtt listener list'],
    options: [],
    needsDevice: false,
    readsDevice: true,
    run: async (ctx) => (await listener()).listenerList(ctx),
  },
  {
    path: ['listener', 'remove'],
    args: '<port>',
    summary: msg('remove a listener gate-mqtt added (never the factory one, never the last plain MQTT one)'),
    examples: ['gate-mqtt listener remove 8883'],
    options: ['dry-run'],
    needsDevice: true,
    run: async (ctx, [port]) => (await listener()).listenerRemove(ctx, positionalPort(port!)),
  },
  {
    path: ['listener', 'renew'],
    summary: msg(
      "a new certificate for gate-mqtt's self-signed listeners, then every TLS listener's certificate in force (SIGHUP; a restart only where that is not enough)",
    ),
    examples: ['gate-mqtt listener renew'],
    options: ['dry-run'],
    needsDevice: true,
    run: async (ctx) => (await listener()).listenerRenew(ctx),
  },
];
