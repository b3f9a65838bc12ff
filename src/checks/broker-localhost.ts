import { readFileSync, readlinkSync } from 'node:fs';
import { isIP } from 'node:net';
import { analyzeText } from '../config/load.js';
import { type ConfModel, type Listener, MOSQUITTO_DEFAULT_PORT } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { type ListenerReach, listenerReach } from '../network/exposure.js';
import type { AddressList } from '../network/interfaces.js';
import { parseAddressesProbe } from '../network/read-addresses.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, type ProbeOutput, pass, warn } from './check.js';
import { probeAddresses, readConfig } from './shared.js';

const ID = 'broker.localhost';

/**
 * How `localhost` resolved on the gateway, in getaddrinfo's order (a client that tries one address tries
 * the first); `addresses` is empty when it does not resolve. `unknown`: the gateway could not be asked.
 */
export type LocalhostResolution =
  | { kind: 'resolved'; via: string; addresses: string[]; why?: string }
  | { kind: 'unknown'; why: string };

const sameAddress = (a: string, b: string) =>
  a.replace(/%.*$/, '').toLowerCase() === b.replace(/%.*$/, '').toLowerCase();

/**
 * What each network listener covers of the resolved addresses, by network.exposure's model of
 * mosquitto 2.0.11 (no address: both families; 0.0.0.0: IPv4; `::`: IPv6, as it sets IPV6_V6ONLY;
 * bind_interface: that interface's first address of each family, hence the gateway's own addresses).
 * Two cases that model leaves aside, because they matter here: a listener bound to `localhost` binds
 * every address getaddrinfo gives for it (measured: both ::1 and 127.0.0.1), and a config without any
 * listener starts in "local only mode" on 127.0.0.1 and ::1, port 1883.
 */
export function localhostReach(model: ConfModel, resolved: string[], own?: AddressList): ListenerReach[] {
  if (model.listeners.length === 0) {
    const port = MOSQUITTO_DEFAULT_PORT;
    return localhostReach(analyzeText(`listener ${port} 127.0.0.1\nlistener ${port} ::1\n`, '-'), resolved);
  }
  const extra = resolved.filter((a) => !own?.addresses.some((o) => sameAddress(o.address, a)));
  const list: AddressList = {
    addresses: [
      ...(own?.addresses ?? []),
      ...extra.map((address) => ({ iface: '-', address, family: isIP(address) === 6 ? (6 as const) : (4 as const) })),
    ],
    source: own?.source ?? '-',
    // what a listener covers by family does not hang on reading the gateway's other addresses
    read: { 4: true, 6: true },
    gaps: [],
  };
  const byName = (l: Listener) => l.bind === 'localhost' && !l.options.has('bind_interface');
  const named = new Map(model.listeners.map((l) => [l, byName(l) ? { ...l, bind: undefined } : l]));
  const reach = listenerReach({ ...model, listeners: [...named.values()] }, list);
  return reach.map((r) => {
    const original = [...named].find(([, copy]) => copy === r.listener)?.[0] ?? r.listener;
    if (original === r.listener) return r;
    const covered = r.covered.filter((c) => resolved.some((a) => sameAddress(a, c.address)));
    return { ...r, listener: original, label: `localhost:${r.port}`, covered };
  });
}

/**
 * Warns when the first address `localhost` resolves to is covered by no listener on a port: a client that
 * connects to localhost and tries only that address is refused there (the factory `listener 1883 0.0.0.0`
 * and a gateway whose getaddrinfo puts ::1 first). A pure function of the resolution and the listeners.
 */
export function judgeLocalhost(resolution: LocalhostResolution, reach: ListenerReach[]): CheckOutcome {
  if (resolution.kind === 'unknown') return pass(ID, t('not checked: {{what}}', { what: resolution.why }));
  const { via, addresses } = resolution;
  const first = addresses[0];
  if (first === undefined) {
    return warn(
      ID,
      t('localhost does not resolve on the gateway ({{via}}: {{why}})', { via, why: resolution.why ?? '-' }),
      t('let clients connect to 127.0.0.1 instead of localhost'),
    );
  }
  if (!reach.length) return pass(ID, t('no network listener'));
  const covers = (r: ListenerReach, address: string) => r.covered.some((c) => sameAddress(c.address, address));
  const ports = [...new Set(reach.map((r) => r.port))];
  const onPort = (port: number) => reach.filter((r) => r.port === port);
  const open = ports.filter((port) => !onPort(port).some((r) => covers(r, first)));
  if (!open.length) {
    const by = reach.filter((r) => covers(r, first)).map((r) => r.label);
    return pass(
      ID,
      t('localhost resolves to {{address}} first ({{via}}): covered by {{listeners}}', {
        address: first,
        via,
        listeners: by.join(', '),
        count: by.length,
      }),
    );
  }
  const detail = t(
    'localhost resolves to {{address}} first ({{via}}), and no listener covers it on port(s) {{ports}} ({{listeners}}): a client that connects to localhost and tries only that address is refused',
    {
      address: first,
      via,
      ports: open.join(', '),
      listeners: open.flatMap((port) => onPort(port).map((r) => r.label)).join(', '),
      count: open.length,
    },
  );
  // the next address clients could be told to use: one every such port covers
  const other = addresses.slice(1).find((a) => open.every((port) => onPort(port).some((r) => covers(r, a))));
  const values = { address: first, port: open[0] ?? MOSQUITTO_DEFAULT_PORT };
  const hint = other
    ? t(
        'add a listener for {{address}} (listener {{port}} {{address}}, or listener {{port}} with no address): gate-mqtt config edit; or let clients use {{other}}',
        { ...values, other },
      )
    : t(
        'add a listener for {{address}} (listener {{port}} {{address}}, or listener {{port}} with no address): gate-mqtt config edit',
        values,
      );
  return warn(ID, detail, hint);
}

/** This process's machine and mount namespace (which /etc/hosts it reads); '' where /proc does not tell. */
export function hereIdentity(): string {
  const read = (how: () => string) => {
    try {
      return how().trim();
    } catch {
      return '';
    }
  };
  const boot = read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  return boot ? `${boot} ${read(() => readlinkSync('/proc/self/ns/mnt'))}` : '';
}

/**
 * Prints "here" when the probe's shell shares this process's boot and mount namespace (the local target:
 * its resolution is this process's own), else getent's answer on the gateway, or "no-getent" (Termux has
 * none; asking its node instead would cost a node start on every doctor).
 */
export function localhostProbe(here: string): string {
  return [
    '{ read b < /proc/sys/kernel/random/boot_id; } 2>/dev/null',
    'n=$(readlink /proc/self/ns/mnt 2>/dev/null)',
    ...(here ? [`if [ -n "$b" ] && [ "$b $n" = ${shQuote(here)} ]; then echo here; exit 0; fi`] : []),
    'command -v getent >/dev/null 2>&1 || { echo no-getent; exit 0; }',
    'getent ahosts localhost',
  ].join('\n');
}

/** The gateway's answer: getent ahosts' addresses in its order (each once), or why it could not tell. */
export function parseLocalhostProbe(out: ProbeOutput): LocalhostResolution | 'here' {
  if (/^here\r?$/m.test(out.output)) return 'here';
  if (/^no-getent\r?$/m.test(out.output))
    return {
      kind: 'unknown',
      why: t('the gateway has no {{program}} to resolve localhost with', { program: 'getent' }),
    };
  const via = 'getent ahosts';
  const addresses = [
    ...new Set(
      out.output
        .split('\n')
        .map((line) => /^(\S+)\s+STREAM\b/.exec(line.trim())?.[1])
        .filter((a): a is string => a !== undefined && isIP(a.replace(/%.*$/, '')) !== 0),
    ),
  ];
  if (addresses.length) return { kind: 'resolved', via, addresses };
  // getent: 2 is "not found"; anything else is a failure of its own
  if (out.exitCode === 2) return { kind: 'resolved', via, addresses: [], why: t('exit {{code}}', { code: 2 }) };
  const last = out.output.trim().split('\n').pop()?.trim();
  return { kind: 'unknown', why: `${via}: ${last || t('exit {{code}}', { code: String(out.exitCode) })}` };
}

/** `localhost` as this process resolves it: getaddrinfo's order, as Node 20's dns.lookup keeps it. */
async function resolveHere(): Promise<LocalhostResolution> {
  const via = 'getaddrinfo';
  const { lookup } = await import('node:dns/promises');
  let timer: NodeJS.Timeout | undefined;
  // a hosts file without localhost sends the question to DNS, which may take long to say no
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), 3000);
  });
  try {
    const found = await Promise.race([lookup('localhost', { all: true }), late]);
    return { kind: 'resolved', via, addresses: found.map((a) => a.address) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'resolved', via, addresses: [], why: code === 'timeout' ? t('timed out') : (code ?? String(error)) };
  } finally {
    clearTimeout(timer);
  }
}

export const brokerLocalhost: CheckModule = {
  id: ID,
  get title() {
    return t('localhost reaches the broker');
  },
  run: async (env) => {
    const here = hereIdentity();
    const [config, addresses, probe] = await Promise.all([
      readConfig(env),
      probeAddresses(env),
      env.prober.probe('localhost', localhostProbe(here)),
    ]);
    if (config.state !== 'read') return [warn(ID, t('no readable config to check'), t('see config.valid'))];
    if (probe.timedOut)
      return [warn(ID, t('resolving localhost on the gateway timed out'), t('run: gate-mqtt doctor again'))];
    const parsed = parseLocalhostProbe(probe);
    const resolution = parsed === 'here' ? await resolveHere() : parsed;
    const resolved = resolution.kind === 'resolved' ? resolution.addresses : [];
    const own = addresses.timedOut ? undefined : parseAddressesProbe(addresses.output);
    return [judgeLocalhost(resolution, localhostReach(config.model, resolved, own))];
  },
};
