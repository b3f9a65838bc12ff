import type { ConfModel } from '../config/model.js';
import type { AddressList } from './interfaces.js';
import { addressesNow, ownAddresses } from './local-addresses.js';

/**
 * Where to reach the broker from the device itself: the first TCP listener, over loopback when it binds
 * every address. A bind address that is not one of the device's own (`addresses`; by default this
 * machine's) is never dialled: loopback is tried instead, which fails, and the broker log says why.
 */
export function localTarget(
  model: ConfModel | undefined,
  fallbackPort: number,
  addresses: AddressList = addressesNow(),
): { host: string; port: number } {
  const listener = model?.listeners.find((l) => l.port > 0);
  if (!listener) return { host: '127.0.0.1', port: fallbackPort };
  const bind = listener.bind;
  const own = bind !== undefined && bind !== 'localhost' && ownAddresses(addresses).has(bind);
  return { host: own ? bind : '127.0.0.1', port: listener.port };
}
