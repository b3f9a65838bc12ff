import os from 'node:os';
import { type AddressList, interpretSources } from './interfaces.js';

/**
 * This machine's addresses read at once with getifaddrs (Node's os.networkInterfaces()); where Android
 * refuses it to apps, nothing is known (read-addresses.ts has the slower ways that still work there).
 */
export function addressesNow(): AddressList {
  try {
    return interpretSources({ node: JSON.stringify(os.networkInterfaces()), errors: {} });
  } catch (error) {
    return interpretSources({ errors: { node: (error as Error).message } });
  }
}

/** "Is this address one of ours?": every address read (scope ids dropped) and the loopback ones. */
export function ownAddresses(list: AddressList): Set<string> {
  return new Set(['127.0.0.1', '::1', ...list.addresses.map((a) => a.address.replace(/%.*$/, ''))]);
}

/** The names of the network interfaces read. */
export const interfaceNames = (list: AddressList): Set<string> => new Set(list.addresses.map((a) => a.iface));
