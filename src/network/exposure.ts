import { isIP } from 'node:net';
import { anonymousListeners, type ConfModel, type Listener, MOSQUITTO_DEFAULT_PORT } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { type AddressClass, CLASS_SHORT, CLASS_TEXT, classifyAddress, isLocalClass } from './address-class.js';
import type { AddressList, InterfaceAddress } from './interfaces.js';

export interface CoveredAddress extends InterfaceAddress {
  kind: AddressClass;
}

/** Which of the gateway's addresses one listener answers on, as mosquitto 2.0.11 binds it (net.c). */
export interface ListenerReach {
  listener: Listener;
  /** "0.0.0.0:1883", "[::]:1883", "*:1883" (no address: IPv4 and IPv6), "wlan0:1883" (bind_interface). */
  label: string;
  port: number;
  anonymous: boolean;
  covered: CoveredAddress[];
  /** What could not be told: a family that could not be read, a host name not known here. */
  unknown: string[];
}

const covered = (a: InterfaceAddress): CoveredAddress => ({ ...a, kind: classifyAddress(a.address) });
const sameAddress = (a: string, b: string) => a.replace(/%.*$/, '').toLowerCase() === b.toLowerCase();

function families(listener: Listener): Array<4 | 6> {
  const domain = listener.options.get('socket_domain')?.value.split(' ')[0];
  return domain === 'ipv4' ? [4] : domain === 'ipv6' ? [6] : [4, 6];
}

function label(listener: Listener): string {
  const iface = listener.options.get('bind_interface')?.value;
  const host = iface ?? listener.bind ?? '*';
  return `${isIP(host) === 6 ? `[${host}]` : host}:${listener.port}`;
}

/**
 * The addresses one listener covers. No address: every address of both families (mosquitto binds the
 * IPv6 socket IPv6-only, and a separate IPv4 one); 0.0.0.0 is IPv4 only, :: IPv6 only; bind_interface
 * takes that interface's first address of each family; a websockets listener may name an interface.
 */
function reachOf(listener: Listener, list: AddressList, anonymous: boolean): ListenerReach {
  const reach: ListenerReach = {
    listener,
    label: label(listener),
    port: listener.port,
    anonymous,
    covered: [],
    unknown: [],
  };
  const wanted = families(listener);
  const all = (family: 4 | 6) => {
    if (!list.read[family]) reach.unknown.push(t('IPv{{family}} addresses could not be read', { family }));
    else reach.covered.push(...list.addresses.filter((a) => a.family === family).map(covered));
  };
  const iface = listener.options.get('bind_interface')?.value;
  const bind = listener.bind;
  if (iface) {
    for (const family of wanted) {
      const first = list.addresses.find((a) => a.iface.toLowerCase() === iface.toLowerCase() && a.family === family);
      if (first && (!bind || sameAddress(first.address, bind))) reach.covered.push(covered(first));
      else if (!list.read[family]) reach.unknown.push(t('IPv{{family}} addresses could not be read', { family }));
    }
  } else if (bind === undefined) {
    for (const family of wanted) all(family);
  } else if (bind === '0.0.0.0' || bind === '::') {
    all(bind === '::' ? 6 : 4);
  } else if (isIP(bind)) {
    const known = list.addresses.find((a) => sameAddress(a.address, bind));
    reach.covered.push(covered(known ?? { iface: '-', address: bind, family: isIP(bind) === 6 ? 6 : 4 }));
  } else if (bind === 'localhost') {
    reach.covered.push(covered({ iface: 'lo', address: '127.0.0.1', family: 4 }));
  } else {
    const named = list.addresses.filter((a) => a.iface === bind);
    if (named.length && listener.protocol === 'websockets') reach.covered.push(...named.map(covered));
    else reach.unknown.push(t('which addresses the host name "{{host}}" stands for is not checked', { host: bind }));
  }
  return reach;
}

/** Every network listener of the config and what it covers (unix sockets reach no network). */
export function listenerReach(model: ConfModel, list: AddressList): ListenerReach[] {
  const open = new Set(anonymousListeners(model));
  return model.listeners.filter((l) => !l.unixPath && l.port > 0).map((l) => reachOf(l, list, open.has(l)));
}

export interface ExposureVerdict {
  status: 'pass' | 'warn' | 'fail';
  detail: string;
  hint: string | null;
  /** Anonymous listeners on addresses that are not local (fail) or on a carrier's network (warn). */
  exposed: Array<CoveredAddress & { listener: string; port: number }>;
}

const where = (a: CoveredAddress) => `${a.address} (${a.iface}, ${t(CLASS_TEXT[a.kind])})`;

/** The LAN address to suggest binding to: the first private IPv4 address, else the placeholder. */
function lanAddress(list: AddressList): string {
  return (
    list.addresses.find((a) => a.family === 4 && classifyAddress(a.address) === 'private')?.address ?? t('LAN-ADDRESS')
  );
}

const through = (list: Array<CoveredAddress & { listener: string }>) =>
  list.map((a) => t('{{address}} through {{listener}}', { address: where(a), listener: a.listener })).join(', ');

/** What a passing check says: what each anonymous listener covers, and the outside addresses it does not. */
function passDetail(reach: ListenerReach[], list: AddressList): string {
  const anonymous = reach.filter((r) => r.anonymous);
  const secured = reach.filter((r) => !r.anonymous && r.covered.length).map((r) => r.label);
  const passwords = secured.length
    ? `; ${t('{{listeners}} require a password on every address', { listeners: secured.join(', ') })}`
    : '';
  if (!anonymous.length)
    return reach.length ? `${t('every listener requires a password')}${passwords}` : t('no network listener');
  const covers = anonymous.map((r) => {
    if (!r.covered.length) return t('{{listener}} covers no address', { listener: r.label });
    const addresses = r.covered.map((a) => `${a.address} (${a.iface}, ${t(CLASS_SHORT[a.kind])})`).join(', ');
    return t('{{listener}} covers {{addresses}}', { listener: r.label, addresses });
  });
  const outside = list.addresses.filter(
    (a) =>
      !isLocalClass(classifyAddress(a.address)) && !reach.some((r) => r.covered.some((c) => c.address === a.address)),
  );
  const notCovered = outside.length
    ? `; ${t('not covered: {{addresses}}', { addresses: outside.map((a) => `${a.address} (${a.iface})`).join(', ') })}`
    : '';
  const local = t('anonymous access only from local networks: {{covers}}', { covers: covers.join('; ') });
  return `${local}${notCovered}${passwords}`;
}

/**
 * An anonymous listener on a not-local address fails; on a carrier's shared network it warns; one that
 * could not be fully checked warns; a listener that requires passwords is fine on any address.
 */
export function judgeExposure(reach: ListenerReach[], list: AddressList): ExposureVerdict {
  const source =
    list.source === 'none'
      ? t('addresses read with none')
      : t('addresses read with {{source}}', { source: list.source });
  const anonymous = reach.filter((r) => r.anonymous);
  const exposed = anonymous.flatMap((r) =>
    r.covered.filter((a) => !isLocalClass(a.kind)).map((a) => ({ ...a, listener: r.label, port: r.port })),
  );
  const outside = exposed.filter((a) => a.kind === 'not-local');
  const carrier = exposed.filter((a) => a.kind === 'carrier');
  const port = exposed[0]?.port ?? anonymous[0]?.port ?? MOSQUITTO_DEFAULT_PORT;
  const hint = t(
    'bind the listener to a LAN address (listener {{port}} {{address}}), or require passwords: gate-mqtt provision --auth on a factory config, or allow_anonymous false with a password_file',
    { port, address: lanAddress(list) },
  );
  if (outside.length) {
    return {
      status: 'fail',
      detail: t(
        'anonymous clients are let in on {{addresses}}: anyone who can route to it can read and send every message ({{source}})',
        { addresses: through(outside), source, count: outside.length },
      ),
      hint,
      exposed,
    };
  }
  const unknown = anonymous.flatMap((r) => r.unknown.map((u) => `${r.label}: ${u}`));
  if (carrier.length || unknown.length) {
    const why = list.gaps.length ? ` (${list.gaps.join('; ')})` : '';
    const parts = [
      ...(carrier.length
        ? [
            t('anonymous clients are let in on {{addresses}}: other customers of the mobile operator can reach it', {
              addresses: through(carrier),
              count: carrier.length,
            }),
          ]
        : []),
      ...(unknown.length ? [t('not checked: {{what}}', { what: `${unknown.join('; ')}${why}` })] : []),
    ];
    const detail = `${parts.join('; ')} (${source})`;
    return { status: 'warn', detail, hint, exposed };
  }
  const detail = `${passDetail(reach, list)} (${source})`;
  return { status: 'pass', detail, hint: null, exposed };
}
