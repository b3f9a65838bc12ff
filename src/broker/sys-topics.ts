import { randomBytes } from 'node:crypto';

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
  const { default: mqtt } = await import('mqtt');
  const client = mqtt.connect({
    host: options.host,
    port: options.port,
    clientId: `gate-mqtt-status-${randomBytes(4).toString('hex')}`,
    username: options.username,
    password: options.password,
    connectTimeout: options.timeoutMs ?? 1500,
    reconnectPeriod: 0,
  });
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.timeoutMs ?? 1500);
      client.on('error', () => {
        clearTimeout(timer);
        resolve();
      });
      client.on('message', (topic, payload) => values.set(topic, payload.toString()));
      client.on('connect', () => client.subscribe(options.topics));
    });
  } finally {
    client.end(true);
  }
  return values;
}
