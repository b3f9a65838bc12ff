import { msg } from '../i18n/translate.js';

/**
 * The options of mosquitto 2.0.11 (src/conf.c), each with how mosquitto reads its value, where it
 * belongs and what a repeat does. Transcribed from the source and checked against the broker.
 *
 * Readers: `bool` / `int` / `word` take the first space-separated word (the rest of the line is ignored);
 * `string` takes the rest of the line, trimmed; `raw` the rest of the line untrimmed; the others read
 * their own syntax. Scopes: `global`; `listener` (the current listener, or before any `listener` line of
 * the file the implicit default listener); `security` (global, or the current listener under
 * per_listener_settings true); `bridge` (the current `connection` of the same file); `default` (always
 * the default listener: `port`, `bind_address`); `plugin` (the latest plugin line of the same file).
 * Repeats: `error` (mosquitto: "Duplicate … value"), `last` (the last wins), `accumulate`.
 */

export type Reader =
  | 'bool'
  | 'int'
  | 'ssize'
  | 'string'
  | 'word'
  | 'raw'
  | 'listener'
  | 'address'
  | 'topic'
  | 'restart_timeout'
  | 'log_dest'
  | 'ignored'
  | 'plugin_opt';
export type Scope = 'global' | 'listener' | 'security' | 'bridge' | 'default' | 'plugin';
export type Repeat = 'error' | 'last' | 'accumulate';

export interface OptionSpec {
  reader: Reader;
  scope: Scope;
  repeat: Repeat;
  /** Aliases store into one field (clientid and remote_clientid, say): repeats count across them. */
  field?: string;
  /** A secret: redacted in output. */
  secret?: boolean;
  /** mosquitto's own notice when the option is used (deprecations): a message key, shown through t. */
  note?: string;
  /** Allowed words, for `word` readers. */
  choices?: readonly string[];
}

const o = (reader: Reader, scope: Scope, repeat: Repeat, extra: Partial<OptionSpec> = {}): OptionSpec => ({
  reader,
  scope,
  repeat,
  ...extra,
});
const bool = (scope: Scope = 'global', extra: Partial<OptionSpec> = {}) => o('bool', scope, 'last', extra);
const int = (scope: Scope = 'global', extra: Partial<OptionSpec> = {}) => o('int', scope, 'last', extra);
const str = (scope: Scope = 'global', extra: Partial<OptionSpec> = {}) => o('string', scope, 'error', extra);

export const LOG_DEST_KINDS = ['none', 'syslog', 'stdout', 'stderr', 'topic', 'dlt', 'file'] as const;
export const LOG_TYPES = [
  'none',
  'information',
  'notice',
  'warning',
  'error',
  'debug',
  'subscribe',
  'unsubscribe',
  'internal',
  'websockets',
  'all',
] as const;

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  // broker-wide
  acl_file: str('security'),
  allow_anonymous: bool('security'),
  allow_duplicate_messages: bool('global', {
    note: msg("the 'allow_duplicate_messages' option is deprecated (mosquitto behaves as if it were true)"),
  }),
  allow_zero_length_clientid: bool('security'),
  auth_plugin: o('string', 'security', 'accumulate', { field: 'plugin' }),
  plugin: o('string', 'security', 'accumulate', { field: 'plugin' }),
  auth_plugin_deny_special_chars: bool('plugin'),
  auto_id_prefix: str('security'),
  autosave_interval: int(),
  autosave_on_changes: bool(),
  bind_address: str('default', {
    note: msg("the 'bind_address' option is deprecated: use a listener with an address"),
  }),
  check_retain_source: bool(),
  clientid_prefixes: str('global', { note: msg("the 'clientid_prefixes' option is deprecated") }),
  connection_messages: bool(),
  include_dir: o('raw', 'global', 'accumulate'),
  log_dest: o('log_dest', 'global', 'accumulate'),
  log_facility: int(),
  log_timestamp: bool(),
  log_timestamp_format: str(),
  log_type: o('word', 'global', 'accumulate', { choices: LOG_TYPES }),
  max_inflight_bytes: int(),
  max_inflight_messages: int(),
  max_keepalive: int(),
  max_packet_size: int(),
  max_queued_bytes: int(),
  max_queued_messages: int(),
  memory_limit: o('ssize', 'global', 'last'),
  message_size_limit: int('global', {
    note: msg('mosquitto recommends replacing message_size_limit with max_packet_size'),
  }),
  password_file: str('security'),
  per_listener_settings: bool(),
  persistence: bool('global', { field: 'persistence' }),
  retained_persistence: bool('global', { field: 'persistence' }),
  persistence_file: str(),
  persistence_location: str(),
  persistent_client_expiration: o('word', 'global', 'last'),
  pid_file: str(),
  port: int('default', { note: msg("the 'port' option is deprecated: use 'listener PORT' instead") }),
  psk_file: str('security'),
  queue_qos0_messages: bool(),
  retain_available: bool(),
  retry_interval: o('ignored', 'global', 'last', {
    note: msg('the retry_interval option is no longer available: it is ignored'),
  }),
  set_tcp_nodelay: bool(),
  sys_interval: int(),
  upgrade_outgoing_qos: bool(),
  user: str(),
  websockets_log_level: int(),
  websockets_headers_size: int(),
  // plugin options are matched by prefix in lookupOption
  // listeners
  listener: o('listener', 'global', 'accumulate'),
  bind_interface: str('listener'),
  cafile: str('listener'),
  capath: str('listener'),
  certfile: str('listener'),
  keyfile: str('listener'),
  ciphers: str('listener'),
  'ciphers_tls1.3': str('listener'),
  crlfile: str('listener'),
  dhparamfile: str('listener'),
  http_dir: str('listener'),
  max_connections: o('word', 'listener', 'last'),
  max_qos: int('listener', { field: 'max_qos' }),
  maximum_qos: int('listener', { field: 'max_qos' }),
  max_topic_alias: o('word', 'listener', 'last'),
  mount_point: str('listener'),
  protocol: o('word', 'listener', 'last', { choices: ['mqtt', 'websockets'] }),
  psk_hint: str('listener'),
  require_certificate: bool('listener'),
  socket_domain: o('word', 'listener', 'last', { choices: ['ipv4', 'ipv6'] }),
  tls_engine: str('listener'),
  tls_engine_kpass_sha1: str('listener', { secret: true }),
  tls_keyform: o('string', 'listener', 'last'),
  tls_version: str('listener'),
  use_identity_as_username: bool('listener'),
  use_subject_as_username: bool('listener'),
  use_username_as_clientid: bool('listener'),
  // bridges
  connection: o('word', 'bridge', 'accumulate'),
  address: o('address', 'bridge', 'error', { field: 'address' }),
  addresses: o('address', 'bridge', 'error', { field: 'address' }),
  bridge_alpn: str('bridge'),
  bridge_attempt_unsubscribe: bool('bridge'),
  bridge_bind_address: str('bridge'),
  bridge_cafile: str('bridge'),
  bridge_capath: str('bridge'),
  bridge_certfile: str('bridge'),
  bridge_keyfile: str('bridge'),
  bridge_identity: str('bridge'),
  bridge_insecure: bool('bridge'),
  bridge_max_packet_size: int('bridge'),
  bridge_outgoing_retain: bool('bridge'),
  bridge_protocol_version: o('raw', 'bridge', 'last'),
  bridge_psk: str('bridge', { secret: true }),
  bridge_require_ocsp: bool('bridge'),
  bridge_tls_version: str('bridge'),
  cleansession: bool('bridge'),
  local_cleansession: bool('bridge'),
  clientid: str('bridge', { field: 'remote_clientid' }),
  remote_clientid: str('bridge', { field: 'remote_clientid' }),
  local_clientid: str('bridge'),
  local_password: str('bridge', { secret: true }),
  local_username: str('bridge'),
  password: str('bridge', { field: 'remote_password', secret: true }),
  remote_password: str('bridge', { field: 'remote_password', secret: true }),
  username: str('bridge', { field: 'remote_username' }),
  remote_username: str('bridge', { field: 'remote_username' }),
  idle_timeout: int('bridge'),
  keepalive_interval: int('bridge'),
  notifications: bool('bridge'),
  notifications_local_only: bool('bridge'),
  notification_topic: str('bridge'),
  restart_timeout: o('restart_timeout', 'bridge', 'last'),
  round_robin: bool('bridge'),
  start_type: o('word', 'bridge', 'last'),
  threshold: int('bridge'),
  topic: o('topic', 'bridge', 'accumulate'),
  try_private: bool('bridge'),
};

const PLUGIN_OPTION = /^(auth_opt_|plugin_opt_)/;

/** `auth_opt_*` and `plugin_opt_*` are options of the latest plugin (and may hold secrets). */
export function lookupOption(name: string): OptionSpec | undefined {
  if (PLUGIN_OPTION.test(name)) return { reader: 'plugin_opt', scope: 'plugin', repeat: 'accumulate', secret: true };
  return Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
}

/** Options that mosquitto 2.0.11 does not know but later versions do: the version that brought each. */
export const NEWER_OPTIONS: Readonly<Record<string, string>> = {
  retain_expiry_interval: '2.0.21',
  ...Object.fromEntries(
    [
      'accept_protocol_versions',
      'bridge_ciphers',
      'bridge_ciphers_tls1.3',
      'bridge_max_topic_alias',
      'bridge_receive_maximum',
      'bridge_reload_type',
      'bridge_session_expiry_interval',
      'bridge_tcp_keepalive',
      'bridge_tcp_user_timeout',
      'bridge_tls_use_os_certs',
      'disable_client_cert_date_checks',
      'enable_control_api',
      'enable_proxy_protocol',
      'proxy_protocol_v2_require_tls',
      'global_max_clients',
      'global_max_connections',
      'global_plugin',
      'plugin_load',
      'plugin_use',
      'listener_allow_anonymous',
      'listener_auto_id_prefix',
      'max_topic_alias_broker',
      'packet_buffer_size',
      'websockets_origin',
    ].map((name) => [name, '2.1.0']),
  ),
};

/** The known option nearest to a misspelt one (edit distance at most 2, or a third of its length). */
export function nearestOption(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const known of Object.keys(OPTIONS)) {
    const distance = editDistance(name.toLowerCase(), known);
    if (!best || distance < best.distance) best = { name: known, distance };
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return best && best.distance <= limit ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
