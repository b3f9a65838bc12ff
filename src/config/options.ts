/**
 * The option names of mosquitto 2.0 (mosquitto.conf(5)) with the shape of their values and where they
 * belong. `multi` options may repeat; a repeat of any other option in the same section is an error.
 */

export type Shape = 'bool' | 'port' | 'uint' | 'string' | 'path' | 'listener' | 'address' | 'topic' | 'choice' | 'any';
export type Scope = 'global' | 'listener' | 'bridge';

export interface OptionSpec {
  shape: Shape;
  scope: Scope;
  multi?: boolean;
  choices?: readonly string[];
  /** A secret: redacted in output. */
  secret?: boolean;
  /** Security options that `per_listener_settings` moves into listeners. */
  auth?: boolean;
}

const g = (shape: Shape, extra: Partial<OptionSpec> = {}): OptionSpec => ({ shape, scope: 'global', ...extra });
const l = (shape: Shape, extra: Partial<OptionSpec> = {}): OptionSpec => ({ shape, scope: 'listener', ...extra });
const b = (shape: Shape, extra: Partial<OptionSpec> = {}): OptionSpec => ({ shape, scope: 'bridge', ...extra });

const LOG_DESTS = ['stdout', 'stderr', 'syslog', 'topic', 'file', 'dlt', 'none'];

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  // general
  acl_file: g('path', { auth: true }),
  allow_anonymous: g('bool', { auth: true }),
  allow_duplicate_messages: g('bool'),
  allow_zero_length_clientid: g('bool', { auth: true }),
  auth_plugin: g('path', { multi: true, auth: true }),
  auth_plugin_deny_special_chars: g('bool'),
  auto_id_prefix: g('string', { auth: true }),
  autosave_interval: g('uint'),
  autosave_on_changes: g('bool'),
  check_retain_source: g('bool'),
  clientid_prefixes: g('string'),
  connection_messages: g('bool'),
  include_dir: g('path', { multi: true }),
  log_dest: g('any', { multi: true }),
  log_facility: g('uint'),
  log_timestamp: g('bool'),
  log_timestamp_format: g('string'),
  log_type: g('choice', {
    multi: true,
    choices: [
      'debug',
      'error',
      'warning',
      'notice',
      'information',
      'subscribe',
      'unsubscribe',
      'websockets',
      'none',
      'all',
    ],
  }),
  max_inflight_bytes: g('uint'),
  max_inflight_messages: g('uint'),
  max_keepalive: g('uint'),
  max_packet_size: g('uint'),
  max_queued_bytes: g('uint'),
  max_queued_messages: g('uint'),
  memory_limit: g('uint'),
  message_size_limit: g('uint'),
  password_file: g('path', { auth: true }),
  per_listener_settings: g('bool'),
  persistence: g('bool'),
  persistence_file: g('string'),
  persistence_location: g('path'),
  persistent_client_expiration: g('string'),
  pid_file: g('path'),
  plugin: g('path', { multi: true, auth: true }),
  psk_file: g('path', { auth: true }),
  queue_qos0_messages: g('bool'),
  retain_available: g('bool'),
  set_tcp_nodelay: g('bool'),
  sys_interval: g('uint'),
  upgrade_outgoing_qos: g('bool'),
  user: g('string'),
  websockets_headers_size: g('uint'),
  websockets_log_level: g('uint'),
  // listeners
  listener: l('listener', { multi: true }),
  port: l('port'),
  bind_address: l('string'),
  bind_interface: l('string'),
  http_dir: l('path'),
  max_connections: l('string'),
  max_qos: l('uint'),
  max_topic_alias: l('uint'),
  mount_point: l('string'),
  protocol: l('choice', { choices: ['mqtt', 'websockets'] }),
  socket_domain: l('choice', { choices: ['ipv4', 'ipv6'] }),
  use_username_as_clientid: l('bool'),
  cafile: l('path'),
  capath: l('path'),
  certfile: l('path'),
  keyfile: l('path'),
  ciphers: l('string'),
  'ciphers_tls1.3': l('string'),
  crlfile: l('path'),
  dhparamfile: l('path'),
  require_certificate: l('bool'),
  tls_engine: l('string'),
  tls_engine_kpass_sha1: l('string', { secret: true }),
  tls_keyform: l('choice', { choices: ['pem', 'engine'] }),
  tls_version: l('string'),
  use_identity_as_username: l('bool'),
  use_subject_as_username: l('bool'),
  psk_hint: l('string'),
  // bridges
  connection: b('string', { multi: true }),
  address: b('address'),
  addresses: b('address'),
  bridge_alpn: b('string'),
  bridge_attempt_unsubscribe: b('bool'),
  bridge_bind_address: b('string'),
  bridge_cafile: b('path'),
  bridge_capath: b('path'),
  bridge_certfile: b('path'),
  bridge_keyfile: b('path'),
  bridge_identity: b('string'),
  bridge_insecure: b('bool'),
  bridge_max_packet_size: b('uint'),
  bridge_outgoing_retain: b('bool'),
  bridge_protocol_version: b('choice', { choices: ['mqttv31', 'mqttv311', 'mqttv50'] }),
  bridge_psk: b('string', { secret: true }),
  bridge_require_ocsp: b('bool'),
  bridge_tls_version: b('string'),
  cleansession: b('bool'),
  local_cleansession: b('bool'),
  clientid: b('string'),
  remote_clientid: b('string'),
  local_clientid: b('string'),
  idle_timeout: b('uint'),
  keepalive_interval: b('uint'),
  local_password: b('string', { secret: true }),
  local_username: b('string'),
  notifications: b('bool'),
  notifications_local_only: b('bool'),
  notification_topic: b('string'),
  password: b('string', { secret: true }),
  remote_password: b('string', { secret: true }),
  remote_username: b('string'),
  username: b('string'),
  restart_timeout: b('string'),
  round_robin: b('bool'),
  start_type: b('choice', { choices: ['automatic', 'lazy', 'manual', 'once'] }),
  threshold: b('uint'),
  topic: b('topic', { multi: true }),
  try_private: b('bool'),
};

/** `auth_opt_*` and `plugin_opt_*` are free-form plugin options (and may hold secrets). */
export function lookupOption(name: string): OptionSpec | undefined {
  if (/^(auth_opt|plugin_opt)_[A-Za-z0-9_.-]+$/.test(name)) return g('string', { multi: true, secret: true });
  return Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
}

export const LOG_DEST_KINDS = LOG_DESTS;
