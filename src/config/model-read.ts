import { t } from '../i18n/translate.js';
import { BRIDGE_PROTOCOLS, checkNumber, checkWord, readLogDest, validKpass } from './constraints.js';
import type { Bridge, ConfModel, Listener, Located } from './model.js';
import type { OptionSpec } from './options.js';
import { nextWord } from './parse.js';
import {
  atoi,
  readAddresses,
  readBool,
  readInt,
  readRestartTimeout,
  readString,
  readTopic,
  readWord,
} from './readers.js';

/**
 * One directive read with its option's reader (readers.ts) and checked the way mosquitto 2.0.11 does;
 * listeners and bridges are made here as mosquitto makes them.
 */
export interface ReadContext {
  error(message: string): void;
  warn(message: string): void;
  model: ConfModel;
  file: { listener: Listener; bridge?: Bridge; plugin?: Located };
  defaults: Listener;
  listener: Listener;
  perListener: boolean;
}

/** Reads one value with the option's reader and checks it; false when the line is refused. */
export function readValue(d: Located, spec: OptionSpec, c: ReadContext): boolean {
  // A reader's message refuses the line unless it starts with "warn:".
  const verdict = (message: string | undefined) => {
    if (message === undefined) return true;
    if (message.startsWith('warn:')) c.warn(message.slice(5));
    else c.error(message);
    return message.startsWith('warn:');
  };
  const report = (read: { error?: string; warning?: string }) => {
    if (read.warning) c.warn(read.warning);
    return verdict(read.error);
  };
  switch (spec.reader) {
    case 'bool':
      return report(readBool(d.name, d.rest));
    case 'int':
    case 'ssize': {
      const read = readInt(d.name, d.rest);
      if (!report(read)) return false;
      if (d.name === 'port') c.defaults.port = read.value ?? 0;
      return verdict(checkNumber(d.name, read.value ?? 0));
    }
    case 'word': {
      const read = readWord(d.name, d.rest);
      if (!report(read)) return false;
      if (!verdict(checkWord(d.name, read.value))) return false;
      if (d.name === 'protocol' && read.value) c.listener.protocol = read.value as Listener['protocol'];
      if (d.name === 'connection' && read.value) {
        if (c.model.bridges.some((b) => b.name === read.value))
          return verdict(t('duplicate bridge name "{{name}}"', { name: read.value }));
        c.file.bridge = { name: read.value, file: d.file, line: d.line, addresses: [], topics: 0, options: new Map() };
        c.model.bridges.push(c.file.bridge);
      }
      return true;
    }
    case 'string': {
      const read = readString(d.name, d.rest);
      if (!report(read)) return false;
      return checkString(d, read.value ?? '', c);
    }
    case 'raw':
      if (d.name === 'include_dir') {
        if (!d.rest) return verdict(t('include_dir needs a folder'));
        c.model.includeDirs.push(d);
        return true;
      }
      if (!d.rest) return verdict(t('bridge_protocol_version needs a value'));
      return verdict(
        BRIDGE_PROTOCOLS.includes(d.rest)
          ? undefined
          : t(
              'bridge_protocol_version must be exactly mqttv31, mqttv311 or mqttv50 (nothing after it), not "{{value}}"',
              {
                value: d.rest,
              },
            ),
      );
    case 'listener':
      return readListener(d, c);
    case 'address': {
      const read = readAddresses(d.rest);
      if (!report(read)) return false;
      c.file.bridge!.addresses.push(...(read.value ?? []).map((a) => `${a.host}:${a.port}`));
      return true;
    }
    case 'topic': {
      const read = readTopic(d.rest);
      if (!report(read)) return false;
      c.file.bridge!.topics++;
      return true;
    }
    case 'restart_timeout':
      return report(readRestartTimeout(d.rest));
    case 'log_dest': {
      const read = readLogDest(d.rest);
      if (read.error) return verdict(read.error);
      if (read.path !== undefined) {
        if (c.model.logFiles.length) return verdict(t('duplicate "log_dest file": mosquitto logs to one file'));
        c.model.logFiles.push({ at: d, path: read.path });
      }
      return true;
    }
    case 'plugin_opt': {
      const prefix = d.name.startsWith('auth_opt_') ? 'auth_opt_' : 'plugin_opt_';
      if (d.name.length < prefix.length + 3)
        return verdict(t('{{name}}: the key after {{prefix}} must be at least 3 characters', { name: d.name, prefix }));
      return verdict(d.rest.replace(/^[ \t]+/, '') ? undefined : t('{{name}} needs a value', { name: d.name }));
    }
    default:
      return true;
  }
}

/** Reports an error for the line being read and tells the caller it was refused. */
function refuse(c: ReadContext, message: string): false {
  c.error(message);
  return false;
}

function checkString(d: Located, value: string, c: ReadContext): boolean {
  const listener = c.listener;
  if ((d.name === 'cafile' || d.name === 'certfile') && listener.options.has('psk_hint')) {
    c.error(
      t('{{name}} after psk_hint on the same listener: mosquitto cannot use both certificate and psk encryption', {
        name: d.name,
      }),
    );
    return false;
  }
  if (d.name === 'mount_point') {
    if (!c.model.listeners.some((l) => !l.implicit)) return refuse(c, t('mount_point needs a listener line before it'));
    if (/[+#]/.test(value)) return refuse(c, t('mount_point "{{value}}" may not hold a wildcard (+ or #)', { value }));
  }
  if (d.name === 'tls_engine_kpass_sha1' && !validKpass(value)) {
    c.error(t('tls_engine_kpass_sha1 must be 40 hexadecimal digits (a SHA-1)'));
    return false;
  }
  if (d.name === 'plugin' || d.name === 'auth_plugin') c.file.plugin = d;
  const bridge = c.file.bridge;
  if (
    bridge &&
    /^bridge_(cafile|capath|certfile|keyfile)$/.test(d.name) &&
    (bridge.options.has('bridge_identity') || bridge.options.has('bridge_psk'))
  ) {
    c.error(t('a bridge cannot use both certificate and psk encryption'));
    return false;
  }
  if (
    bridge &&
    /^bridge_(identity|psk)$/.test(d.name) &&
    ['bridge_cafile', 'bridge_capath', 'bridge_certfile', 'bridge_keyfile'].some((n) => bridge.options.has(n))
  ) {
    c.error(t('a bridge cannot use both certificate and psk encryption'));
    return false;
  }
  return true;
}

function readListener(d: Located, c: ReadContext): boolean {
  const first = nextWord(d.rest);
  if (first.word === undefined) return refuse(c, t('listener needs a port'));
  const port = atoi(first.word);
  if (port < 0 || port > 65535)
    return refuse(c, t('listener port must be 0-65535, not "{{port}}"', { port: first.word }));
  const second = nextWord(first.after).word;
  const address = second?.startsWith('#') ? undefined : second;
  if (port === 0 && address === undefined)
    return refuse(
      c,
      t('listener {{port}}: port 0 needs a unix socket path (a port must be a number)', { port: first.word }),
    );
  if (String(port) !== first.word)
    c.warn(t('listener "{{word}}" is read as port {{port}}', { word: first.word, port }));
  const listener: Listener = {
    port,
    bind: port === 0 ? undefined : address,
    protocol: 'mqtt',
    file: d.file,
    line: d.line,
    options: new Map(),
    implicit: false,
  };
  if (port === 0) listener.unixPath = address;
  c.model.listeners.push(listener);
  c.file.listener = listener;
  return true;
}
