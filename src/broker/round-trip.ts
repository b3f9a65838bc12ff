import { t } from '../i18n/translate.js';
import { errnoText } from '../model/errors.js';
import { randomBytes } from '../run/lazy-builtins.js';
import { ConnackRefused, MqttWire } from './mqtt-wire.js';

export interface RoundTripOptions {
  host: string;
  port: number;
  timeoutMs?: number;
  username?: string;
  password?: string;
}

export type RoundTripResult = { ok: true; ms: number } | { ok: false; reason: string; refused?: boolean };

/**
 * Proves the broker works with one connection that both subscribes and publishes: subscribe to a fresh
 * probe topic, publish to it at QoS 1, wait for the message. Never throws; a refusal (a CONNACK with an
 * error code still proves an MQTT broker answers) or a timeout is a reason.
 */
export async function roundTrip(options: RoundTripOptions): Promise<RoundTripResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  const topic = `gate-mqtt/probe/${randomBytes(6).toString('hex')}`;
  const payload = randomBytes(8).toString('hex');
  let wire: MqttWire | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(t('no answer within {{ms}} ms', { ms: timeoutMs }))), timeoutMs);
    });
    const trip = (async () => {
      wire = await MqttWire.connect({
        host: options.host,
        port: options.port,
        clientId: `gate-mqtt-probe-${randomBytes(4).toString('hex')}`,
        timeoutMs,
        ...(options.username === undefined ? {} : { username: options.username }),
        ...(options.password === undefined ? {} : { password: options.password }),
      });
      const received = new Promise<void>((resolve) =>
        wire?.onMessage((got, message) => {
          if (got === topic && message.toString() === payload) resolve();
        }),
      );
      const [granted] = await wire.subscribe([topic], 1);
      if (granted === 0x80) throw new Error(t('subscribe refused by the broker'));
      await wire.publish(topic, payload, { qos: 1 });
      await received;
    })();
    await Promise.race([trip, deadline]);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    // a socket error in words ("connection refused (ECONNREFUSED)"); ours and the broker's as they are
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code && /^E[A-Z]+$/.test(code) ? errnoText(code) : error instanceof Error ? error.message : String(error);
    return { ok: false, reason, ...(error instanceof ConnackRefused ? { refused: true } : {}) };
  } finally {
    clearTimeout(timer);
    wire?.end();
  }
}
