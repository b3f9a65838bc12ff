import { t } from '../i18n/translate.js';
import {
  type AnalyzeOptions,
  type Bridge,
  type ConfIssue,
  type ConfModel,
  type Listener,
  type Located,
  warnOpenToIpv6,
} from './model.js';
import { finishModel } from './model-finish.js';
import { readValue } from './model-read.js';
import { lookupOption, NEWER_OPTIONS, nearestOption } from './options.js';
import { atoi, readBool } from './readers.js';

const SECURITY = new Set(['acl_file', 'allow_anonymous', 'allow_zero_length_clientid', 'auth_plugin', 'plugin']);
for (const name of ['auto_id_prefix', 'check_retain_source', 'password_file', 'psk_file']) SECURITY.add(name);

/** Set before any listener line, each of these makes mosquitto 2.0.11 open its default listener. */
const DEFAULT_LISTENER_OPTIONS = new Set([
  ...['bind_interface', 'cafile', 'capath', 'certfile', 'keyfile', 'tls_engine', 'tls_engine_kpass_sha1', 'ciphers'],
  ...['ciphers_tls1.3', 'dhparamfile', 'psk_hint', 'crlfile', 'mount_point', 'socket_domain', 'port', 'bind_address'],
]);

/** Options that make mosquitto 2.0.11 open its default listener (conf.c 424-515), given their value. */
function triggersDefault(name: string, value: string | undefined, perListener: boolean): boolean {
  const word = value?.split(' ')[0];
  switch (name) {
    case 'require_certificate':
    case 'use_identity_as_username':
    case 'use_subject_as_username':
    case 'use_username_as_clientid':
      return word === 'true' || word === '1';
    case 'tls_keyform':
      return value === 'engine';
    case 'max_connections':
      return word !== undefined && atoi(word) >= 0;
    case 'max_qos':
    case 'maximum_qos':
      return word !== undefined && atoi(word) !== 2;
    case 'protocol':
      return word === 'websockets';
    case 'allow_zero_length_clientid':
      return perListener && (word === 'false' || word === '0');
    case 'password_file':
    case 'psk_file':
    case 'plugin':
    case 'auth_plugin':
      return perListener;
    default:
      return DEFAULT_LISTENER_OPTIONS.has(name);
  }
}

const newer = (version: string | undefined, needed: string) =>
  version !== undefined && version.localeCompare(needed, undefined, { numeric: true }) >= 0;

/**
 * Reads directives (in the order mosquitto reads them, included files inline) the way mosquitto 2.0.11
 * does, and builds the model: listeners (the implicit default one included), bridges, global options,
 * and every error mosquitto would stop on or warning of what it does differently than the text suggests.
 */
export function analyze(entries: Located[], options: AnalyzeOptions = {}): ConfModel {
  const model: ConfModel = {
    listeners: [],
    bridges: [],
    global: new Map(),
    includeDirs: [],
    issues: [],
    localOnly: false,
    perListenerSettings: false,
    logFiles: [],
  };
  const issue = (d: Located, severity: ConfIssue['severity'], message: string) =>
    model.issues.push({ file: d.file, line: d.line, severity, message });
  const defaults: Listener = {
    port: 0,
    bind: undefined,
    protocol: 'mqtt',
    file: '',
    line: 0,
    options: new Map(),
    implicit: true,
  };
  let triggered: Located | undefined;
  const files = new Map<string, { listener: Listener; bridge?: Bridge; plugin?: Located }>();
  const setFields = new Map<string, Located>();
  let securitySeen = false;
  let perListener = false;

  for (const d of entries) {
    const error = (message: string) => issue(d, 'error', message);
    const warn = (message: string) => issue(d, 'warning', message);
    if (d.name === 'include_dir' && (d.depth ?? 0) > 0) {
      warn(t('include_dir in an included file is ignored by mosquitto'));
      continue;
    }
    const spec = lookupOption(d.name);
    if (!spec) {
      const since = NEWER_OPTIONS[d.name];
      if (since && newer(options.brokerVersion, since))
        warn(
          t('{{name}} (mosquitto {{since}}+) is not checked here; the trial start checks it', { name: d.name, since }),
        );
      else if (since) {
        const have = options.brokerVersion ?? t('2.0.11 (assumed)');
        error(
          t('{{name}} needs mosquitto {{since}} or later; this gateway has {{have}}', { name: d.name, since, have }),
        );
      } else {
        const near = nearestOption(d.name);
        error(
          near
            ? t('unknown option "{{name}}" (did you mean "{{near}}"?)', { name: d.name, near })
            : t('unknown option "{{name}}"', { name: d.name }),
        );
      }
      continue;
    }
    const file = files.get(d.file) ?? { listener: defaults };
    files.set(d.file, file);
    if (spec.note) warn(t(spec.note));
    if (spec.scope === 'bridge' && d.name !== 'connection' && !file.bridge) {
      error(
        t('{{name}} is a bridge option: it needs a "connection" line before it in the same file', { name: d.name }),
      );
      continue;
    }
    if (spec.scope === 'plugin' && !file.plugin) {
      error(t('{{name}} needs a "plugin" line before it in the same file', { name: d.name }));
      continue;
    }
    if (d.name === 'per_listener_settings') {
      const read = readBool(d.name, d.rest);
      if (read.error) error(read.error);
      if (read.value && securitySeen)
        error(
          t(
            'per_listener_settings must come before any other security option (allow_anonymous, password_file, acl_file, plugin, …)',
          ),
        );
      perListener = read.value ?? perListener;
      model.perListenerSettings = perListener;
      continue;
    }
    if (SECURITY.has(d.name)) securitySeen = true;
    const inListener = spec.scope === 'listener' || (spec.scope === 'security' && perListener);
    const listener = spec.scope === 'default' ? defaults : file.listener;

    // Repeats: scoped as mosquitto stores them (the global struct, a listener, a bridge).
    const scopeKey =
      spec.scope === 'bridge'
        ? `bridge:${model.bridges.indexOf(file.bridge!)}`
        : inListener || spec.scope === 'default'
          ? `listener:${listener === defaults ? 'default' : model.listeners.indexOf(listener)}`
          : 'global';
    const key = d.name === 'tls_engine_kpass_sha1' ? `kpass:${d.file}` : `${scopeKey}:${spec.field ?? d.name}`;
    const first = setFields.get(key);
    if (first && spec.repeat === 'error') {
      const firstAt = `${first.file}:${first.line}`;
      error(
        d.name === 'address' || d.name === 'addresses'
          ? t('a bridge takes one address line (first at {{first}}); put every address on it', { first: firstAt })
          : t('duplicate "{{name}}" (first set at {{first}}): mosquitto refuses a second value', {
              name: d.name,
              first: firstAt,
            }),
      );
      continue;
    }
    if (first && spec.repeat === 'last') {
      const firstAt = `${first.file}:${first.line}`;
      warn(
        d.name === 'port'
          ? t('port is set again (first at {{first}}): mosquitto uses the last one', { first: firstAt })
          : t('"{{name}}" is set again (first at {{first}}): mosquitto uses this last value', {
              name: d.name,
              first: firstAt,
            }),
      );
    }
    if (!first) setFields.set(key, d);

    if (!readValue(d, spec, { error, warn, model, file, defaults, listener, perListener })) continue;

    // Store where mosquitto stores it.
    if (d.name === 'listener' || d.name === 'connection') continue; // made by readValue
    if (spec.scope === 'bridge') {
      const list = file.bridge!.options.get(d.name) ?? [];
      list.push(d);
      file.bridge!.options.set(d.name, list);
    } else if (inListener || spec.scope === 'default') {
      listener.options.set(d.name, d);
      if (listener === defaults && triggersDefault(d.name, d.value, perListener)) triggered ??= d;
      if (
        listener === defaults &&
        inListener &&
        /^(tls_version|http_dir|max_topic_alias|acl_file|allow_anonymous|auto_id_prefix)$/.test(d.name)
      ) {
        warn(t('{{name}} before any listener line belongs to no listener: mosquitto ignores it', { name: d.name }));
      }
    } else {
      const list = model.global.get(d.name) ?? [];
      list.push(d);
      model.global.set(d.name, list);
    }
  }
  finishModel(model, defaults, triggered, options.mainFile ?? entries[0]?.file ?? 'mosquitto.conf');
  return warnOpenToIpv6(model);
}
