import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { accessibleBy, type BrokerUser, brokerUser } from './access.js';
import type { ConfIssue, ConfModel, Listener, Located } from './model.js';
import { lastGlobal } from './model.js';
import { aclProblems, pskProblems } from './security-files.js';

/**
 * What mosquitto 2.0.11 meets when it starts on this machine with this config (src/mosquitto.c): the
 * user it drops to, the pid file, plugins, password/acl/psk files, and each listener (port, address,
 * unix socket, interface, TLS files, websockets). Errors stop mosquitto; warnings are what it survives
 * (a log file it cannot open, a missing persistence folder, bridge TLS files read only when connecting).
 */
export interface StartupContext {
  /** The broker's working directory (pm2 starts it in HOME): relative paths are relative to it. */
  cwd: string;
  /** Extra folders where a plugin named without a path is looked for (PREFIX/lib on Termux). */
  libDirs?: string[];
}

const UNPRIVILEGED_PORT_START = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim()) || 1024;
  } catch {
    return 1024;
  }
})();

const exists = (file: string) =>
  stat(file).then(
    (info) => info,
    () => undefined,
  );

function localAddresses(): Set<string> {
  const out = new Set(['0.0.0.0', '::']);
  for (const list of Object.values(os.networkInterfaces()))
    for (const info of list ?? []) out.add(info.address.replace(/%.*$/, ''));
  return out;
}

async function resolveHost(host: string): Promise<string[] | undefined> {
  if (isIP(host)) return [host];
  const found = await Promise.race([
    lookup(host, { all: true }).then(
      (list) => list.map((a) => a.address),
      () => undefined,
    ),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref()),
  ]);
  return found;
}

export async function startupChecks(model: ConfModel, context: StartupContext): Promise<ConfIssue[]> {
  const issues: ConfIssue[] = [];
  const at = (where: { file: string; line: number }, severity: ConfIssue['severity'], message: string) =>
    issues.push({ file: where.file, line: where.line, severity, message });
  const abs = (file: string) => path.resolve(context.cwd, file);
  const userLine = model.global.get('user')?.at(-1);
  const who = brokerUser(lastGlobal(model, 'user') === undefined ? undefined : userLine?.value);
  if (who.error || !who.user) {
    at(userLine ?? { file: model.listeners[0]?.file ?? 'mosquitto.conf', line: 1 }, 'error', who.error ?? t('no user'));
    return issues;
  }
  const user: BrokerUser = who.user;
  const refuse = (entry: Located, message: string): false => {
    at(entry, 'error', message);
    return false;
  };
  const readable = async (entry: Located, file: string) => {
    const info = await exists(abs(file));
    if (!info) return refuse(entry, t('{{option}} {{file}}: no such file', { option: entry.name, file }));
    if (!(await accessibleBy(abs(file), user, 'r')))
      return refuse(
        entry,
        t("{{option}} {{file}}: {{user}} (the broker's user) cannot read it", {
          option: entry.name,
          file,
          user: user.name,
        }),
      );
    return true;
  };

  const pid = model.global.get('pid_file')?.at(-1);
  if (pid) {
    const dir = path.dirname(abs(pid.value));
    if (!(await exists(dir)) || !(await accessibleBy(dir, user, 'w')))
      at(
        pid,
        'error',
        t('pid_file {{file}}: mosquitto (as {{user}}) cannot write it: no such folder, or not writable', {
          file: pid.value,
          user: user.name,
        }),
      );
  }

  const securitySources: Array<Map<string, Located> | Map<string, Located[]>> = model.perListenerSettings
    ? model.listeners.map((l) => l.options)
    : [model.global];
  for (const source of securitySources) {
    const last = (name: string) => {
      const value = source.get(name);
      return Array.isArray(value) ? value.at(-1) : value;
    };
    const plugins = model.perListenerSettings
      ? [last('plugin'), last('auth_plugin')]
      : [...(model.global.get('plugin') ?? []), ...(model.global.get('auth_plugin') ?? [])];
    for (const plugin of plugins) if (plugin) await checkPlugin(plugin, context, at, abs);
    for (const name of ['password_file', 'acl_file', 'psk_file']) {
      const entry = last(name);
      if (!entry) continue;
      const info = await exists(abs(entry.value));
      if (info?.isDirectory()) {
        at(
          entry,
          'error',
          t('{{option}} {{file}} is a folder: mosquitto 2.0.11 would hang reading it', {
            option: name,
            file: entry.value,
          }),
        );
        continue;
      }
      if (!(await readable(entry, entry.value))) continue;
      const text = await readFile(abs(entry.value), 'utf8').catch(() => '');
      const problems = name === 'acl_file' ? aclProblems(text) : name === 'psk_file' ? pskProblems(text) : [];
      for (const problem of problems) at(entry, 'error', `${name} ${entry.value}:${problem}`);
    }
  }

  await checkListeners(model, context, user, at, readable, abs);

  for (const { at: entry, path: file } of model.logFiles) {
    const dir = path.dirname(abs(file));
    if (!(await exists(dir)) || !(await accessibleBy(dir, user, 'w')))
      at(entry, 'warning', t('log_dest file {{file}}: mosquitto cannot open it and logs to stderr instead', { file }));
  }
  const persistence = model.global.get('persistence_location')?.at(-1);
  if (persistence && !(await exists(abs(persistence.value))))
    at(
      persistence,
      'warning',
      t('persistence_location {{folder}}: no such folder: mosquitto runs, but cannot save its database', {
        folder: persistence.value,
      }),
    );
  for (const bridge of model.bridges) {
    for (const name of ['bridge_cafile', 'bridge_certfile', 'bridge_keyfile', 'bridge_capath']) {
      const entry = bridge.options.get(name)?.at(-1);
      if (entry && !(await exists(abs(entry.value))))
        at(
          entry,
          'warning',
          name === 'bridge_capath'
            ? t('{{option}} {{path}}: no such folder: bridge "{{bridge}}" will not connect', {
                option: name,
                path: entry.value,
                bridge: bridge.name,
              })
            : t('{{option}} {{path}}: no such file: bridge "{{bridge}}" will not connect', {
                option: name,
                path: entry.value,
                bridge: bridge.name,
              }),
        );
    }
  }
  return issues;
}

type Report = (where: { file: string; line: number }, severity: ConfIssue['severity'], message: string) => void;

async function checkPlugin(
  plugin: Located,
  context: StartupContext,
  at: Report,
  abs: (f: string) => string,
): Promise<void> {
  const name = plugin.value;
  if (name.includes('/')) {
    if (!(await exists(abs(name))))
      at(
        plugin,
        'error',
        t('{{option}} {{file}}: no such file (mosquitto cannot load the plugin)', { option: plugin.name, file: name }),
      );
    return;
  }
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...(context.libDirs ?? [])];
  dirs.push('/lib', '/usr/lib', `/lib/${arch}-linux-gnu`, `/usr/lib/${arch}-linux-gnu`, '/usr/local/lib');
  for (const dir of dirs) if (await exists(path.join(dir, name))) return;
  at(
    plugin,
    'error',
    t('{{option}} {{file}}: not found in the library folders (mosquitto cannot load the plugin)', {
      option: plugin.name,
      file: name,
    }),
  );
}

function overlaps(a: Listener, b: Listener): boolean {
  if (a.port !== b.port || a.port === 0) return false;
  const family = (host: string | undefined) => (host === undefined ? 'any' : isIP(host) === 6 ? 6 : 4);
  if (a.bind === undefined || b.bind === undefined) return true;
  if (a.bind === b.bind) return true;
  const wild = (h: string) => h === '0.0.0.0' || h === '::';
  return (wild(a.bind) || wild(b.bind)) && family(a.bind) === family(b.bind);
}

async function checkListeners(
  model: ConfModel,
  _context: StartupContext,
  user: BrokerUser,
  at: Report,
  readable: (entry: Located, file: string) => Promise<boolean>,
  abs: (f: string) => string,
): Promise<void> {
  const local = localAddresses();
  const interfaces = os.networkInterfaces();
  const seen: Listener[] = [];
  for (const listener of model.listeners) {
    const option = (name: string) => listener.options.get(name);
    if (listener.port === 0 && listener.unixPath !== undefined && listener.protocol !== 'websockets') {
      const socket = abs(listener.unixPath);
      if (Buffer.byteLength(socket) > 107)
        at(listener, 'error', t('unix socket path {{path}} is longer than 107 bytes', { path: listener.unixPath }));
      else if (!(await exists(path.dirname(socket))))
        at(listener, 'error', t('unix socket {{path}}: no such folder for it', { path: listener.unixPath }));
    }
    if (listener.port > 0 && listener.port < UNPRIVILEGED_PORT_START && user.uid !== 0) {
      at(
        listener,
        'error',
        t('port {{port}}: mosquitto runs as {{user}} and may not listen below {{start}}', {
          port: listener.port,
          user: user.name,
          start: UNPRIVILEGED_PORT_START,
        }),
      );
    }
    if (listener.bind !== undefined && listener.port > 0) {
      const addresses = await resolveHost(listener.bind);
      if (!addresses)
        at(listener, 'error', t('listener address {{address}}: cannot be resolved', { address: listener.bind }));
      else if (listener.protocol === 'mqtt' && !addresses.some((a) => local.has(a)))
        at(
          listener,
          'error',
          t('listener address {{address}} is not an address of this machine: mosquitto cannot listen there', {
            address: listener.bind,
          }),
        );
    }
    const clash = seen.find((other) => overlaps(other, listener));
    if (clash)
      at(
        listener,
        'error',
        t('port {{port}} is taken twice: the listener at {{other}} covers the same address', {
          port: listener.port,
          other: `${clash.file}:${clash.line}`,
        }),
      );
    seen.push(listener);
    const iface = option('bind_interface');
    if (iface && !interfaces[iface.value])
      at(iface, 'error', t('bind_interface {{name}}: no such network interface here', { name: iface.value }));
    await checkTls(listener, at, readable, abs);
  }
  if (!model.localOnly && model.listeners.every((l) => l.protocol === 'websockets')) {
    const first = model.listeners[0]!;
    at(first, 'error', t('only websockets listeners: this mosquitto build cannot start without one MQTT listener'));
  }
}

async function checkTls(
  listener: Listener,
  at: Report,
  readable: (entry: Located, file: string) => Promise<boolean>,
  abs: (f: string) => string,
): Promise<void> {
  const option = (name: string) => listener.options.get(name);
  const cert = option('certfile');
  const key = option('keyfile');
  if (listener.protocol === 'websockets') {
    const dir = option('http_dir');
    if (
      dir &&
      !(await realpath(abs(dir.value)).then(
        () => true,
        () => false,
      ))
    )
      at(dir, 'error', t('http_dir {{folder}}: no such folder', { folder: dir.value }));
    // mosquitto fails to create this listener; its message ("Unable to create websockets listener") is the
    // one it also gives for a taken port, so it is said as a warning here.
    for (const entry of [key, cert].filter((e): e is Located => e !== undefined)) {
      if (
        !(await stat(abs(entry.value)).then(
          () => true,
          () => false,
        ))
      )
        at(
          entry,
          'warning',
          t('{{option}} {{file}}: no such file: mosquitto cannot create this websockets listener', {
            option: entry.name,
            file: entry.value,
          }),
        );
    }
    return;
  }
  if ((cert && !key) || (key && !cert)) {
    at(
      (cert ?? key)!,
      'warning',
      t('TLS needs both certfile and keyfile in mosquitto 2.0.11: without both, this listener is plain TCP'),
    );
  }
  if (!(cert && key) && !option('psk_hint')) return;
  const version = option('tls_version');
  if (version && !['tlsv1.3', 'tlsv1.2', 'tlsv1.1'].includes(version.value))
    at(
      version,
      'error',
      t('tls_version must be tlsv1.3, tlsv1.2 or tlsv1.1, not "{{value}}"', { value: version.value }),
    );
  if (!(cert && key)) return;
  for (const name of ['dhparamfile', 'cafile', 'certfile', 'keyfile', 'crlfile']) {
    const entry = option(name);
    if (entry) await readable(entry, entry.value);
  }
}
