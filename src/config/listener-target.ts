import type { ConfModel } from './model.js';

/** Where to reach the broker from the device itself: the first TCP listener, over loopback when it binds all. */
export function localTarget(model: ConfModel | undefined, fallbackPort: number): { host: string; port: number } {
  const listener = model?.listeners.find((l) => l.port > 0);
  if (!listener) return { host: '127.0.0.1', port: fallbackPort };
  const bind = listener.bind;
  const host = !bind || bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
  return { host, port: listener.port };
}
