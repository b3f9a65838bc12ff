import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import type { BrokerUser } from './access.js';
import type { ConfIssue, ConfModel, Listener, Located } from './model.js';
import type { StartupContext } from './startup-checks.js';

/** What mosquitto 2.0.11 meets opening each listener: its port, address, socket folder, interface, TLS files. */

export type Report = (where: { file: string; line: number }, severity: ConfIssue['severity'], message: string) => void;

export const exists = (file: string) =>
  stat(file).then(
    (info) => info,
    () => undefined,
  );

const UNPRIVILEGED_PORT_START = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim()) || 1024;
  } catch {
    return 1024;
  }
})();

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

export function overlaps(a: Listener, b: Listener): boolean {
  if (a.port !== b.port || a.port === 0) return false;
  const family = (host: string | undefined) => (host === undefined ? 'any' : isIP(host) === 6 ? 6 : 4);
  // bind_interface: mosquitto binds that interface's own address, which only a wildcard (or the same
  // interface) meets; 127.0.0.1 beside a LAN interface's listener on one port is fine (access lan-login)
  const [ia, ib] = [a, b].map((l) => l.options.get('bind_interface')?.value);
  if (ia !== undefined || ib !== undefined) {
    if (ia !== undefined && ib !== undefined) return ia === ib;
    const other = ia === undefined ? a : b;
    return other.bind === undefined || other.bind === '0.0.0.0' || other.bind === '::';
  }
  if (a.bind === undefined || b.bind === undefined) return true;
  if (a.bind === b.bind) return true;
  const wild = (h: string) => h === '0.0.0.0' || h === '::';
  return (wild(a.bind) || wild(b.bind)) && family(a.bind) === family(b.bind);
}

export async function checkListeners(
  model: ConfModel,
  context: StartupContext,
  user: BrokerUser,
  at: Report,
  readable: (entry: Located, file: string) => Promise<boolean>,
  abs: (f: string) => string,
): Promise<void> {
  const { local } = context;
  // An address of a family that could not be read (Android may refuse some ways) is not judged.
  const ours = (address: string) =>
    address === '0.0.0.0' ||
    address === '::' ||
    local.addresses.has(address) ||
    !local.families[isIP(address) === 6 ? 6 : 4];
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
      else if (listener.protocol === 'mqtt' && !addresses.some(ours))
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
    if (iface && local.families[4] && local.families[6] && !local.interfaces.has(iface.value))
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
