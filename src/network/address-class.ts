import { BlockList, isIP } from 'node:net';
import { msg } from '../i18n/translate.js';

/**
 * How far an address of the gateway reaches. Loopback, link-local, private (RFC 1918) and IPv6
 * unique-local addresses are local; 100.64.0.0/10 is a carrier's shared network (CGNAT: other customers
 * of the operator share it); everything else, public and reserved ranges alike, is not local.
 */
export type AddressClass = 'loopback' | 'link-local' | 'private' | 'unique-local' | 'carrier' | 'not-local';

const RANGES: Array<[AddressClass, string, number, 'ipv4' | 'ipv6']> = [
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['carrier', '100.64.0.0', 10, 'ipv4'],
];

const lists = RANGES.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list, family };
});

/** The class of one address (an IPv6 zone such as `%wlan0` is ignored); not an address: not local. */
export function classifyAddress(address: string): AddressClass {
  const zoneless = address.replace(/%.*$/, '');
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) reaches what its IPv4 address reaches.
  const bare = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(zoneless)?.[1] ?? zoneless;
  const family = isIP(bare) === 6 ? 'ipv6' : isIP(bare) === 4 ? 'ipv4' : undefined;
  if (!family) return 'not-local';
  return lists.find((entry) => entry.family === family && entry.list.check(bare, family))?.kind ?? 'not-local';
}

export const isLocalClass = (kind: AddressClass): boolean => kind !== 'carrier' && kind !== 'not-local';

/** What each class means, for people: show it through t() (`t(CLASS_TEXT[kind])`). */
export const CLASS_TEXT: Record<AddressClass, string> = {
  loopback: msg('loopback'),
  'link-local': msg('link-local'),
  private: msg('private LAN (RFC 1918)'),
  'unique-local': msg('IPv6 unique-local'),
  carrier: msg("the mobile carrier's shared network (100.64.0.0/10)"),
  'not-local': msg('public or reserved: not a local network'),
};

/** The class in a word or two, where a list of addresses would grow long: also through t(). */
export const CLASS_SHORT: Record<AddressClass, string> = {
  loopback: msg('loopback'),
  'link-local': msg('link-local'),
  private: msg('private'),
  'unique-local': msg('unique-local'),
  carrier: msg('carrier'),
  'not-local': msg('not-local'),
};
