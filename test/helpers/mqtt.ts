import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';

export type TripResult = { ok: true; ms: number } | { ok: false; reason: string; refused?: boolean };

/**
 * The tests' own round trip, with mqtt.js: a client independent of the tool's (src/broker/mqtt-wire.ts),
 * so a test never checks the product with the product. Subscribe to a fresh topic, publish, wait.
 */
export async function roundTrip(options: {
  host: string;
  port: number;
  timeoutMs?: number;
  username?: string;
  password?: string;
  /** MQTT over TCP (default), or over websockets (ws://HOST:PORT, as a browser connects). */
  protocol?: 'mqtt' | 'ws';
}): Promise<TripResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  const topic = `gate-mqtt-test/${randomBytes(6).toString('hex')}`;
  const payload = randomBytes(8).toString('hex');
  const client = mqtt.connect({
    host: options.host,
    port: options.port,
    protocol: options.protocol ?? 'mqtt',
    username: options.username,
    password: options.password,
    connectTimeout: timeoutMs,
    reconnectPeriod: 0,
  });
  try {
    return await new Promise<TripResult>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
      const finish = (result: TripResult) => {
        clearTimeout(timer);
        resolve(result);
      };
      client.on('error', (error) =>
        finish({
          ok: false,
          reason: error.message,
          refused: /not authori[sz]ed|bad user ?name or password/i.test(error.message),
        }),
      );
      client.on('close', () => finish({ ok: false, reason: `connection to ${options.host}:${options.port} closed` }));
      client.on('message', (got, message) => {
        if (got === topic && message.toString() === payload) finish({ ok: true, ms: Date.now() - started });
      });
      client.on('connect', () => {
        client.subscribe(topic, { qos: 1 }, (error) => {
          if (error) finish({ ok: false, reason: `subscribe refused: ${error.message}` });
          else client.publish(topic, payload, { qos: 1 });
        });
      });
    });
  } finally {
    client.end(true);
  }
}
