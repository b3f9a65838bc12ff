import os from 'node:os';
import type { ConfModel } from './model.js';

function localAddresses(): Set<string> {
  const out = new Set<string>(['127.0.0.1', '::1', 'localhost']);
  for (const list of Object.values(os.networkInterfaces())) for (const info of list ?? []) out.add(info.address);
  return out;
}

/**
 * Where to reach the broker from the device itself: the first TCP listener, over loopback when it binds
 * every address. A bind address that is not this machine's is never dialled (loopback is tried instead,
 * which fails, and the broker log says why).
 */
export function localTarget(model: ConfModel | undefined, fallbackPort: number): { host: string; port: number } {
  const listener = model?.listeners.find((l) => l.port > 0);
  if (!listener) return { host: '127.0.0.1', port: fallbackPort };
  const bind = listener.bind;
  const host = bind && localAddresses().has(bind) && bind !== 'localhost' ? bind : '127.0.0.1';
  return { host, port: listener.port };
}
