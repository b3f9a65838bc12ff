import { t } from '../i18n/translate.js';
import { type ConfDoc, type DirectiveLine, directives } from './parse.js';

/** mosquitto's own port where a config names none (a default listener, `address HOST`, local only mode). */
export const MOSQUITTO_DEFAULT_PORT = 1883;

/** A directive with the file it came from; depth 0 is the main file, 1 a file of its include_dir. */
export interface Located extends DirectiveLine {
  file: string;
  depth?: number;
}

export interface ConfIssue {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Listener {
  /** 0 with a unix socket path. */
  port: number;
  bind: string | undefined;
  unixPath?: string;
  protocol: 'mqtt' | 'websockets';
  file: string;
  line: number;
  options: Map<string, Located>;
  /** The default listener mosquitto makes from options set before any `listener` line (or `port`). */
  implicit: boolean;
}

export interface Bridge {
  name: string;
  file: string;
  line: number;
  addresses: string[];
  topics: number;
  options: Map<string, Located[]>;
}

export interface ConfModel {
  listeners: Listener[];
  bridges: Bridge[];
  global: Map<string, Located[]>;
  includeDirs: Located[];
  issues: ConfIssue[];
  /** No listener at all: mosquitto 2 listens on 127.0.0.1 and ::1, port 1883, anonymous clients allowed. */
  localOnly: boolean;
  perListenerSettings: boolean;
  /** `log_dest file PATH` lines, with the path as mosquitto reads it. */
  logFiles: Array<{ at: Located; path: string }>;
}

export interface AnalyzeOptions {
  /** The installed broker's version (options of newer versions are named as such). */
  brokerVersion?: string;
  /** The main config file (where file-wide findings are reported). */
  mainFile?: string;
}

export function formatIssue(issue: ConfIssue): string {
  const where = `${issue.file}:${issue.line}`;
  if (issue.severity === 'warning') return t('{{where}}: warning: {{message}}', { where, message: issue.message });
  return `${where}: ${issue.message}`;
}

export function locate(doc: ConfDoc, depth = 0): Located[] {
  return directives(doc).map((d) => ({ ...d, file: doc.file, depth }));
}

/**
 * An anonymous listener without an address answers on every IPv6 address too, and IPv6 has no NAT: a
 * gateway's global IPv6 address then lets anyone who can route to it in (doctor's network.exposure).
 */
export function warnOpenToIpv6(model: ConfModel): ConfModel {
  for (const l of anonymousListeners(model)) {
    const domain = l.options.get('socket_domain')?.value.split(' ')[0];
    if (l.bind !== undefined || l.unixPath || l.port === 0 || l.options.has('bind_interface') || domain === 'ipv4')
      continue;
    model.issues.push({
      file: l.file,
      line: l.line,
      severity: 'warning',
      message: t(
        'listener {{port}} has no address and lets anonymous clients in: mosquitto listens on every IPv6 address too, with no NAT in front of a global one ("listener {{port}} 0.0.0.0" keeps it to IPv4)',
        { port: l.port },
      ),
    });
  }
  return model;
}

export function lastGlobal(model: ConfModel, name: string): string | undefined {
  const list = model.global.get(name);
  return list?.[list.length - 1]?.value.split(' ')[0];
}

const isTrue = (word: string | undefined) => word === 'true' || word === '1';

/** Listeners that let clients in without a password (mosquitto 2: only when allowed; local-only mode always). */
export function anonymousListeners(model: ConfModel): Listener[] {
  if (model.localOnly) return [];
  if (model.perListenerSettings)
    return model.listeners.filter((l) => isTrue(l.options.get('allow_anonymous')?.value.split(' ')[0]));
  return isTrue(lastGlobal(model, 'allow_anonymous')) ? model.listeners : [];
}

export function isLoopback(bind: string | undefined): boolean {
  return bind !== undefined && (/^127\./.test(bind) || bind === '::1' || bind === 'localhost');
}
