import { t } from '../i18n/translate.js';
import { LOG_DEST_KINDS, LOG_TYPES } from './options.js';

/**
 * The value checks mosquitto 2.0.11 makes after reading a number or a word (src/conf.c), as messages; a
 * `warn:` prefix marks what mosquitto logs but accepts.
 */
export function checkNumber(name: string, n: number): string | undefined {
  switch (name) {
    case 'max_inflight_messages':
      return n > 65535 ? t('max_inflight_messages must be at most 65535') : undefined;
    case 'max_keepalive':
      return n < 10 || n > 65535
        ? t('max_keepalive must be 10-65535 in mosquitto 2.0.11, not {{value}}', { value: n })
        : undefined;
    case 'max_packet_size':
      return n < 20 ? t('max_packet_size must be at least 20, not {{value}}', { value: n }) : undefined;
    case 'memory_limit':
      return n < 0 ? t('memory_limit must not be negative ({{value}})', { value: n }) : undefined;
    case 'message_size_limit': {
      const unsigned = n >>> 0;
      return unsigned > 268435455
        ? t('message_size_limit must be 0-268435455, not {{value}}', { value: n })
        : undefined;
    }
    case 'log_facility':
      return n < 0 || n > 7 ? t('log_facility must be 0-7, not {{value}}', { value: n }) : undefined;
    case 'port':
      return n < 1 || n > 65535 ? t('port must be 1-65535, not {{value}}', { value: n }) : undefined;
    case 'sys_interval':
      return n < 0 || n > 65535 ? t('sys_interval must be 0-65535, not {{value}}', { value: n }) : undefined;
    case 'websockets_headers_size':
      return n < 0 || n > 65535 ? t('websockets_headers_size must be 0-65535, not {{value}}', { value: n }) : undefined;
    case 'max_qos':
    case 'maximum_qos':
      return n < 0 || n > 2 ? t('{{name}} must be 0, 1 or 2, not {{value}}', { name, value: n }) : undefined;
    case 'keepalive_interval':
      return n > 65535 ? t('keepalive_interval must be at most 65535') : undefined;
    default:
      return undefined;
  }
}

const DURATION = /^(.*)([hdwmy])$/;

export function checkWord(name: string, word: string | undefined): string | undefined {
  switch (name) {
    case 'log_type':
      if (word === undefined) return `warn:${t('log_type has no value: mosquitto logs an error and ignores the line')}`;
      return (LOG_TYPES as readonly string[]).includes(word)
        ? undefined
        : t('log_type must be one of {{types}}, not "{{word}}"', { types: LOG_TYPES.join(', '), word });
    case 'max_connections':
      return word === undefined
        ? `warn:${t('max_connections has no value: mosquitto logs an error and ignores the line')}`
        : undefined;
    case 'protocol':
      if (word === undefined) return `warn:${t('protocol has no value: mosquitto logs an error and keeps mqtt')}`;
      return word === 'mqtt' || word === 'websockets'
        ? undefined
        : t('protocol must be mqtt or websockets, not "{{word}}"', { word });
    case 'socket_domain':
      if (word === undefined) return t('socket_domain needs a value (ipv4 or ipv6)');
      return word === 'ipv4' || word === 'ipv6'
        ? undefined
        : t('socket_domain must be ipv4 or ipv6, not "{{word}}"', { word });
    case 'max_topic_alias': {
      if (word === undefined) return t('max_topic_alias needs a value');
      const n = Number.parseInt(word, 10) || 0;
      return n < 0 || n > 65535 ? t('max_topic_alias must be 0-65535, not {{word}}', { word }) : undefined;
    }
    case 'persistent_client_expiration': {
      if (word === undefined)
        return `warn:${t('persistent_client_expiration has no value: mosquitto logs an error and ignores the line')}`;
      const match = DURATION.exec(word);
      const amount = match ? Number.parseInt(match[1] ?? '', 10) : Number.NaN;
      if (!match || !(amount > 0)) {
        return t(
          'persistent_client_expiration must be a number and h, d, w, m (30 days) or y, like 14d, not "{{word}}"',
          {
            word,
          },
        );
      }
      return undefined;
    }
    case 'start_type':
      if (word === undefined) return t('start_type needs a value');
      if (word === 'manual') return t('start_type manual is not supported by mosquitto');
      return ['automatic', 'lazy', 'once'].includes(word)
        ? undefined
        : t('start_type must be automatic, lazy or once, not "{{word}}"', { word });
    case 'connection':
      return word === undefined ? t('connection needs a name') : undefined;
    default:
      return undefined;
  }
}

/** `log_dest KIND` (and `log_dest file PATH`): which kind, and the path for files. */
export function readLogDest(rest: string): { kind?: string; path?: string; error?: string } {
  const words = rest.split(' ').filter(Boolean);
  const kind = words[0];
  if (kind === undefined) return { error: t('log_dest needs a value') };
  if (!(LOG_DEST_KINDS as readonly string[]).includes(kind))
    return {
      error: t('log_dest must be one of {{kinds}}, not "{{kind}}"', { kinds: LOG_DEST_KINDS.join(', '), kind }),
    };
  if (kind !== 'file') return { kind };
  // The path: everything after "file", spaces and tabs skipped before it, nothing trimmed after it.
  const path = rest.replace(/^ *file/, '').replace(/^[ \t]+/, '');
  if (!path) return { error: t('log_dest file needs a path') };
  return { kind, path };
}

export const BRIDGE_PROTOCOLS = ['mqttv31', 'mqttv311', 'mqttv50'];

/** tls_engine_kpass_sha1: OpenSSL's BN_hex2bn of its leading hex digits must make exactly 20 bytes. */
export function validKpass(value: string): boolean {
  const hex = /^[0-9a-fA-F]*/.exec(value)?.[0] ?? '';
  const bytes = Math.ceil(hex.replace(/^0+/, '').length / 2);
  return bytes === 20;
}
