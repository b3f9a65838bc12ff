import { t } from '../i18n/translate.js';

/** One address of one of the gateway's network interfaces. */
export interface InterfaceAddress {
  iface: string;
  address: string;
  family: 4 | 6;
}

/**
 * The gateway's addresses and how they were read. Android narrows what an app may ask: getifaddrs and
 * `ip` (netlink) are refused to apps from Android 11-13 on, /proc/net/if_inet6 may be too, while
 * `ifconfig` (an ioctl) still answers for IPv4. A family that could not be read is named, not guessed.
 */
export interface AddressList {
  addresses: InterfaceAddress[];
  /** Where they came from: "getifaddrs", "ip -o addr", "/proc/net/if_inet6 + ifconfig". */
  source: string;
  read: { 4: boolean; 6: boolean };
  /** Why a family is missing ("IPv6: /proc/net/if_inet6: Permission denied"). */
  gaps: string[];
}

/** What each way of reading the addresses printed; undefined when it failed (with why in `errors`). */
export interface AddressSources {
  node?: string;
  ip?: string;
  ifInet6?: string;
  ifconfig?: string;
  errors: Partial<Record<'node' | 'ip' | 'ifInet6' | 'ifconfig', string>>;
}

// The sources are the system's own tables, so the shape tells the family (node's isIP compiles a large
// IPv6 pattern on first use: ~12 ms of every status run).
const familyOf = (address: string): 4 | 6 | undefined => {
  const bare = address.replace(/%.*$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return 4;
  return /^[0-9a-fA-F:]*:[0-9a-fA-F:]*(\d{1,3}(\.\d{1,3}){3})?$/.test(bare) ? 6 : undefined;
};

const entry = (iface: string, address: string): InterfaceAddress[] => {
  const family = familyOf(address);
  return family ? [{ iface: iface.replace(/@.*$/, ''), address, family }] : [];
};

/** Node's os.networkInterfaces() as JSON (getifaddrs). */
export function parseNodeInterfaces(json: string): InterfaceAddress[] {
  const table = JSON.parse(json) as Record<string, Array<{ address: string }> | undefined>;
  return Object.entries(table).flatMap(([iface, list]) => (list ?? []).flatMap((a) => entry(iface, a.address)));
}

/** `ip -o addr show`: "3: wan0    inet 203.0.113.5/24 brd … scope global wan0\ …". */
export function parseIpAddr(text: string): InterfaceAddress[] {
  return text.split('\n').flatMap((line) => {
    const match = /^\d+:\s+(\S+)\s+inet6?\s+([0-9a-fA-F.:]+)(?:\/\d+)?/.exec(line);
    return match ? entry(match[1]!, match[2]!) : [];
  });
}

/** /proc/net/if_inet6: "20010db8000000000000000000000005 03 40 00 80 wan0" (32 hex digits, then the name). */
export function parseIfInet6(text: string): InterfaceAddress[] {
  return text.split('\n').flatMap((line) => {
    const fields = line.trim().split(/\s+/);
    const hex = fields[0] ?? '';
    if (!/^[0-9a-fA-F]{32}$/.test(hex) || fields.length < 6) return [];
    const groups = hex.match(/.{4}/g)!.map((group) => group.replace(/^0{1,3}/, ''));
    return entry(fields[5]!, compressIpv6(groups.join(':')));
  });
}

/** The usual short form of a full IPv6 address (the longest run of zero groups becomes ::). */
function compressIpv6(full: string): string {
  const groups = full.split(':');
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/**
 * `ifconfig -a` in its three dialects: toybox (Android's /system/bin) and busybox print
 * "inet addr:A" and "inet6 addr: A/64", net-tools prints "inet A" and "inet6 A".
 */
export function parseIfconfig(text: string): InterfaceAddress[] {
  let iface = '';
  return text.split('\n').flatMap((line) => {
    if (/^\S/.test(line)) iface = line.split(/\s+/)[0]!.replace(/:$/, '');
    const match = /^\s+inet6?\s+(?:addr:\s*)?([0-9a-fA-F.:]+[0-9a-fA-F])/.exec(line);
    return match && iface ? entry(iface, match[1]!) : [];
  });
}

/** Picks the best source that answered: getifaddrs, then ip, then /proc/net/if_inet6 with ifconfig. */
export function interpretSources(sources: AddressSources): AddressList {
  if (sources.node !== undefined)
    return { addresses: parseNodeInterfaces(sources.node), source: 'getifaddrs', read: { 4: true, 6: true }, gaps: [] };
  if (sources.ip !== undefined && parseIpAddr(sources.ip).length)
    return { addresses: parseIpAddr(sources.ip), source: 'ip -o addr', read: { 4: true, 6: true }, gaps: [] };
  const v6 = sources.ifInet6 !== undefined ? parseIfInet6(sources.ifInet6) : undefined;
  const fromIfconfig = sources.ifconfig !== undefined ? parseIfconfig(sources.ifconfig) : undefined;
  const v4 = fromIfconfig?.filter((a) => a.family === 4);
  const gaps = [
    ...(v4 ? [] : [`IPv4: ${sources.errors.ifconfig ?? t('ifconfig did not answer')}`]),
    ...(v6 ? [] : [`IPv6: ${sources.errors.ifInet6 ?? t('/proc/net/if_inet6 could not be read')}`]),
  ];
  const used = [v6 ? '/proc/net/if_inet6' : '', v4 ? 'ifconfig' : ''].filter(Boolean).join(' + ');
  return {
    addresses: [...(v4 ?? []), ...(v6 ?? [])],
    source: used || 'none',
    read: { 4: v4 !== undefined, 6: v6 !== undefined },
    gaps,
  };
}
