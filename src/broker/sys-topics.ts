import { randomBytes } from '../run/lazy-builtins.js';
import { MqttWire } from './mqtt-wire.js';

/**
 * Reads retained `$SYS` values (bridge states, the broker's version) with one short subscription.
 * Resolves with what arrived within `timeoutMs`; never throws.
 */
export async function readSysTopics(options: {
  host: string;
  port: number;
  topics: string[];
  timeoutMs?: number;
  username?: string;
  password?: string;
}): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const timeoutMs = options.timeoutMs ?? 1500;
  let wire: MqttWire | undefined;
  try {
    wire = await MqttWire.connect({
      host: options.host,
      port: options.port,
      clientId: `gate-mqtt-status-${randomBytes(4).toString('hex')}`,
      timeoutMs,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
    });
    wire.onMessage((topic, payload) => values.set(topic, payload.toString()));
    await wire.subscribe(options.topics, 0);
    await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, 300)));
  } catch {
    // no broker, or it refused: no values
  } finally {
    wire?.end();
  }
  return values;
}
