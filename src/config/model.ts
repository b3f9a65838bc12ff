import { LOG_DEST_KINDS, lookupOption, type OptionSpec } from './options.js';
import { type ConfDoc, type DirectiveLine, directives } from './parse.js';

/** A directive together with the file it came from (include_dir pulls in several files). */
export interface Located extends DirectiveLine {
  file: string;
}

export interface ConfIssue {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Listener {
  port: number;
  bind: string | undefined;
  file: string;
  line: number;
  options: Map<string, Located>;
}

export interface Bridge {
  name: string;
  file: string;
  line: number;
  addresses: string[];
  options: Map<string, Located[]>;
}

export interface ConfModel {
  listeners: Listener[];
  bridges: Bridge[];
  global: Map<string, Located[]>;
  includeDirs: Located[];
  issues: ConfIssue[];
}

export function formatIssue(issue: ConfIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

export function locate(doc: ConfDoc): Located[] {
  return directives(doc).map((d) => ({ ...d, file: doc.file }));
}

const PORT = /^\d{1,5}$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]+\])$/;

export function isPort(text: string, allowZero = false): boolean {
  if (!PORT.test(text)) return false;
  const n = Number(text);
  return n <= 65535 && (allowZero || n >= 1);
}

/** `host[:port]`: a host name, IPv4 or bracketed IPv6 address, and an optional port 1-65535. */
export function isHostPort(text: string, requirePort: boolean): boolean {
  const match = /^(.*?)(?::(\d+))?$/.exec(text);
  if (!match) return false;
  const [, host = '', port] = match;
  if (requirePort && port === undefined) return false;
  if (port !== undefined && !isPort(port)) return false;
  return host.length > 0 && host.length <= 253 && HOST.test(host);
}

/** Checks a value against its option's shape; returns the complaint or undefined. */
export function checkValue(name: string, value: string, spec: OptionSpec): string | undefined {
  const words = value.split(/[ \t]+/).filter(Boolean);
  switch (spec.shape) {
    case 'bool': {
      if (value === 'true' || value === 'false') return undefined;
      const note = value.includes('#') ? ' ("#" after a value is not a comment)' : '';
      return `${name} must be true or false, not "${value}"${note}`;
    }
    case 'port':
      return isPort(value) ? undefined : `${name} must be a port 1-65535, not "${value}"`;
    case 'uint':
      return /^\d+$/.test(value) ? undefined : `${name} must be a whole number, not "${value}"`;
    case 'choice':
      return spec.choices?.includes(value)
        ? undefined
        : `${name} must be one of ${spec.choices?.join(', ')}, not "${value}"`;
    case 'listener': {
      const [port = '', bind, extra] = words;
      if (!isPort(port, true)) return `listener port must be 0-65535, not "${port}"`;
      if (port === '0' && !bind) return 'listener 0 needs a unix socket path';
      if (extra !== undefined) return `listener takes a port and an optional address, not "${value}"`;
      return undefined;
    }
    case 'address': {
      const hosts = value.split(/[ \t,]+/).filter(Boolean);
      if (hosts.length === 0) return `${name} needs host[:port]`;
      const bad = hosts.find((h) => !isHostPort(h, false));
      return bad ? `${name}: "${bad}" is not host[:port] with a port 1-65535` : undefined;
    }
    case 'topic': {
      if (words.length === 0 || words.length > 5)
        return `topic takes: pattern [in|out|both [qos [local-prefix remote-prefix]]]`;
      if (words.length >= 2 && !['in', 'out', 'both'].includes(words[1] ?? ''))
        return `topic direction must be in, out or both, not "${words[1]}"`;
      if (words.length >= 3 && !['0', '1', '2'].includes(words[2] ?? ''))
        return `topic qos must be 0, 1 or 2, not "${words[2]}"`;
      if (words.length === 4) return 'topic needs both a local and a remote prefix';
      return undefined;
    }
    case 'any':
      if (name === 'log_dest') {
        if (!LOG_DEST_KINDS.includes(words[0] ?? '')) return `log_dest must be one of ${LOG_DEST_KINDS.join(', ')}`;
        if (words[0] === 'file' && words.length < 2) return 'log_dest file needs a path';
      }
      return undefined;
    default:
      return value === '' ? `${name} needs a value` : undefined;
  }
}

/**
 * Checks directives (in the order mosquitto reads them, included files inline) against mosquitto's
 * rules and builds the model: listeners, bridges and global options.
 */
export function analyze(entries: Located[]): ConfModel {
  const model: ConfModel = { listeners: [], bridges: [], global: new Map(), includeDirs: [], issues: [] };
  const error = (d: Located, message: string) =>
    model.issues.push({ file: d.file, line: d.line, severity: 'error', message });
  const seen = new Map<string, Located>();
  let listener: Listener | undefined;
  let bridge: Bridge | undefined;
  let securitySeen = false;
  let perListener = false;

  for (const d of entries) {
    const spec = lookupOption(d.name);
    if (!spec) {
      error(d, `unknown option "${d.name}"`);
      continue;
    }
    const complaint = checkValue(d.name, d.value, spec);
    if (complaint) error(d, complaint);

    if (d.name === 'per_listener_settings' && securitySeen) {
      error(d, 'per_listener_settings must come before any listener or security option');
    }
    if (d.name === 'listener' || d.name === 'port' || spec.auth) securitySeen = true;
    if (d.name === 'per_listener_settings') perListener = d.value === 'true';
    // With per_listener_settings, security options belong to the listener above them.
    const scope = perListener && spec.auth && listener ? 'listener' : spec.scope;

    if (d.name === 'listener') {
      const [port = '0', bind] = d.value.split(/[ \t]+/);
      listener = { port: Number(port), bind, file: d.file, line: d.line, options: new Map() };
      model.listeners.push(listener);
    } else if (d.name === 'port') {
      model.listeners.push({ port: Number(d.value), bind: undefined, file: d.file, line: d.line, options: new Map() });
    } else if (d.name === 'connection') {
      bridge = { name: d.value, file: d.file, line: d.line, addresses: [], options: new Map() };
      if (model.bridges.some((other) => other.name === d.value)) error(d, `duplicate bridge connection "${d.value}"`);
      model.bridges.push(bridge);
    } else if (d.name === 'include_dir') {
      model.includeDirs.push(d);
    }

    const section =
      scope === 'bridge'
        ? `bridge:${model.bridges.length}`
        : scope === 'listener' && listener
          ? `listener:${model.listeners.length}`
          : 'global';
    if (scope === 'bridge' && !bridge) {
      error(d, `${d.name} is a bridge option and must follow a "connection" line`);
      continue;
    }
    if (!spec.multi) {
      const key = `${section}:${d.name === 'addresses' ? 'address' : d.name}`;
      const first = seen.get(key);
      if (first) error(d, `duplicate "${d.name}" (first set at ${first.file}:${first.line})`);
      else seen.set(key, d);
    }
    if (scope === 'bridge' && bridge) {
      const list = bridge.options.get(d.name) ?? [];
      list.push(d);
      bridge.options.set(d.name, list);
      if (d.name === 'address' || d.name === 'addresses')
        bridge.addresses.push(...d.value.split(/[ \t,]+/).filter(Boolean));
    } else if (scope === 'listener' && listener && d.name !== 'listener') {
      listener.options.set(d.name, d);
    } else if (scope === 'global') {
      const list = model.global.get(d.name) ?? [];
      list.push(d);
      model.global.set(d.name, list);
    }
  }
  for (const br of model.bridges) {
    if (br.addresses.length === 0)
      model.issues.push({
        file: br.file,
        line: br.line,
        severity: 'error',
        message: `bridge "${br.name}" has no address`,
      });
  }
  return model;
}

export function lastGlobal(model: ConfModel, name: string): string | undefined {
  const list = model.global.get(name);
  return list?.[list.length - 1]?.value;
}

/** True when some listener lets clients in without a password (mosquitto 2 default is false). */
export function anonymousListeners(model: ConfModel): Listener[] {
  const perListener = lastGlobal(model, 'per_listener_settings') === 'true';
  const globalAnon = lastGlobal(model, 'allow_anonymous') === 'true';
  return model.listeners.filter((listener) => {
    if (perListener) return listener.options.get('allow_anonymous')?.value === 'true';
    return globalAnon;
  });
}

export function isLoopback(bind: string | undefined): boolean {
  return bind !== undefined && (/^127\./.test(bind) || bind === '::1' || bind === 'localhost');
}
