import { randomBytes } from 'node:crypto';

export interface RoundTripOptions {
  host: string;
  port: number;
  timeoutMs?: number;
  username?: string;
  password?: string;
}

export type RoundTripResult = { ok: true; ms: number } | { ok: false; reason: string; refused?: boolean };

/**
 * Proves the broker works: subscribe to a fresh probe topic, publish to it, wait for the message.
 * Never throws; a refusal or a timeout is a reason.
 */
export async function roundTrip(options: RoundTripOptions): Promise<RoundTripResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  const topic = `gate-mqtt/probe/${randomBytes(6).toString('hex')}`;
  const payload = randomBytes(8).toString('hex');
  const { default: mqtt } = await import('mqtt'); // loaded on use: it is the slowest module to import
  const client = mqtt.connect({
    host: options.host,
    port: options.port,
    protocol: 'mqtt',
    clientId: `gate-mqtt-probe-${randomBytes(4).toString('hex')}`,
    username: options.username,
    password: options.password,
    connectTimeout: timeoutMs,
    reconnectPeriod: 0,
    clean: true,
  });
  try {
    return await new Promise<RoundTripResult>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
      const finish = (result: RoundTripResult) => {
        clearTimeout(timer);
        resolve(result);
      };
      // A CONNACK refusal (bad credentials, not authorised) still proves an MQTT broker answers.
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
          if (error) return finish({ ok: false, reason: `subscribe refused: ${error.message}` });
          client.publish(topic, payload, { qos: 1 });
        });
      });
    });
  } finally {
    client.end(true);
  }
}
