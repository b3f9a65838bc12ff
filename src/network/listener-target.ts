import type { ConfModel } from '../config/model.js';
import type { AddressList } from './interfaces.js';
import { addressesNow, ownAddresses } from './local-addresses.js';

/**
 * Where to reach the broker from the device itself: the first plain MQTT listener (no TLS, not websockets;
 * else the first TCP listener), over loopback when it binds
 * every address. A bind address that is not one of the device's own (`addresses`; by default this
 * machine's) is never dialled: loopback is tried instead, which fails, and the broker log says why.
 */
export function localTarget(
  model: ConfModel | undefined,
  fallbackPort: number,
  addresses: AddressList = addressesNow(),
): { host: string; port: number } {
  const tcp = model?.listeners.filter((l) => l.port > 0) ?? [];
  const plain = (l: (typeof tcp)[number]) =>
    l.protocol === 'mqtt' && !(l.options.has('certfile') && l.options.has('keyfile')) && !l.options.has('psk_hint');
  const listener = tcp.find(plain) ?? tcp[0];
  if (!listener) return { host: '127.0.0.1', port: fallbackPort };
  const bind = listener.bind;
  const own = bind !== undefined && bind !== 'localhost' && ownAddresses(addresses).has(bind);
  return { host: own ? bind : '127.0.0.1', port: listener.port };
}
