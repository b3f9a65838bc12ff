import net from 'node:net';
import { msg, t } from '../i18n/translate.js';

/**
 * The few MQTT 3.1.1 packets the tool needs to prove a broker works (CONNECT, SUBSCRIBE, PUBLISH at
 * QoS 0/1, their acknowledgements, DISCONNECT) over one TCP connection. Written here instead of loading
 * mqtt.js at every run: its import alone costs a quarter of a no-op provision (mqtt.js stays the tests'
 * independent client).
 */

const CONNACK_REASONS: Record<number, string> = {
  1: msg('Connection refused: Unacceptable protocol version'),
  2: msg('Connection refused: Identifier rejected'),
  3: msg('Connection refused: Server unavailable'),
  4: msg('Connection refused: Bad username or password'),
  5: msg('Connection refused: Not authorized'),
};

/** The broker answered and refused the connection (a CONNACK code other than 0). */
export class ConnackRefused extends Error {
  constructor(readonly code: number) {
    const known = CONNACK_REASONS[code];
    super(known === undefined ? t('Connection refused: code {{code}}', { code }) : t(known));
    this.name = 'ConnackRefused';
  }
}

function varint(length: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

const str = (text: string) => {
  const body = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length);
  return Buffer.concat([length, body]);
};

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};

function packet(firstByte: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([firstByte]), varint(body.length), body]);
}

export function connectPacket(o: {
  clientId: string;
  username?: string;
  password?: string;
  keepalive: number;
}): Buffer {
  const flags = 0x02 | (o.username !== undefined ? 0x80 : 0) | (o.password !== undefined ? 0x40 : 0);
  const payload = [
    str(o.clientId),
    ...(o.username !== undefined ? [str(o.username)] : []),
    ...(o.password !== undefined ? [str(o.password)] : []),
  ];
  return packet(0x10, str('MQTT'), Buffer.from([4, flags]), u16(o.keepalive), ...payload);
}

/** Splits a byte stream into whole packets: [type, flags, body]; what is left waits for more bytes. */
export function readPackets(buffer: Buffer): {
  packets: Array<{ type: number; flags: number; body: Buffer }>;
  rest: Buffer;
} {
  const packets: Array<{ type: number; flags: number; body: Buffer }> = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    let length = 0;
    let multiplier = 1;
    let i = at + 1;
    let complete = false;
    for (; i < buffer.length && i < at + 5; i++) {
      const byte = buffer[i]!;
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      if ((byte & 0x80) === 0) {
        complete = true;
        i++;
        break;
      }
    }
    if (!complete || buffer.length < i + length) break;
    const first = buffer[at]!;
    packets.push({ type: first >> 4, flags: first & 0x0f, body: buffer.subarray(i, i + length) });
    at = i + length;
  }
  return { packets, rest: buffer.subarray(at) };
}

export interface MqttConnectOptions {
  host: string;
  port: number;
  clientId: string;
  username?: string;
  password?: string;
  timeoutMs: number;
}

/** One MQTT connection; messages arrive on `onMessage`. */
export class MqttWire {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly acks = new Map<number, (body: Buffer) => void>();
  private listener: ((topic: string, payload: Buffer) => void) | undefined;
  private closedWith: Error | undefined;
  private readonly closeWaiters: Array<(error: Error) => void> = [];

  private constructor(private readonly socket: net.Socket) {}

  /** Connects and waits for CONNACK; rejects with ConnackRefused, a socket error, or a timeout. */
  static connect(o: MqttConnectOptions): Promise<MqttWire> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: o.host, port: o.port });
      const wire = new MqttWire(socket);
      const timer = setTimeout(
        () => fail(new Error(t('no answer within {{ms}} ms', { ms: o.timeoutMs }))),
        o.timeoutMs,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      socket.once('error', fail);
      // Stays English, as the socket errors (ECONNREFUSED) do: the broker.reachable check reads "closed" in it.
      socket.once('close', () => fail(new Error(`connection to ${o.host}:${o.port} closed`)));
      socket.once('connect', () => socket.write(connectPacket({ ...o, keepalive: Math.ceil(o.timeoutMs / 1000) + 5 })));
      wire.onConnack = (code) => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.removeAllListeners('close');
        if (code !== 0) return fail(new ConnackRefused(code));
        socket.on('error', (error) => wire.closed(error));
        socket.on('close', () => wire.closed(new Error(`connection to ${o.host}:${o.port} closed`)));
        resolve(wire);
      };
      socket.on('data', (chunk: Buffer) => wire.receive(chunk));
    });
  }

  private onConnack: (code: number) => void = () => undefined;

  private closed(error: Error): void {
    this.closedWith ??= error;
    for (const waiter of this.closeWaiters.splice(0)) waiter(this.closedWith);
  }

  /** Rejects when the connection ends before `promise` settles. */
  private untilClosed<T>(promise: Promise<T>): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return Promise.race([promise, new Promise<T>((_, reject) => this.closeWaiters.push(reject))]);
  }

  private receive(chunk: Buffer): void {
    const { packets, rest } = readPackets(Buffer.concat([this.buffer, chunk]));
    this.buffer = rest;
    for (const { type, flags, body } of packets) {
      if (type === 2) this.onConnack(body[1] ?? 255);
      else if (type === 9 || type === 4) this.acks.get(body.readUInt16BE(0))?.(body);
      else if (type === 3) this.onPublish(flags, body);
    }
  }

  private onPublish(flags: number, body: Buffer): void {
    const topicLength = body.readUInt16BE(0);
    const topic = body.subarray(2, 2 + topicLength).toString('utf8');
    const qos = (flags >> 1) & 0x03;
    const payloadAt = 2 + topicLength + (qos > 0 ? 2 : 0);
    if (qos === 1) this.socket.write(packet(0x40, body.subarray(2 + topicLength, 4 + topicLength)));
    this.listener?.(topic, body.subarray(payloadAt));
  }

  private request(build: (id: number) => Buffer): Promise<Buffer> {
    const id = this.nextId++;
    const acked = new Promise<Buffer>((resolve) => this.acks.set(id, resolve));
    this.socket.write(build(id));
    return this.untilClosed(acked);
  }

  onMessage(listener: (topic: string, payload: Buffer) => void): void {
    this.listener = listener;
  }

  /** Subscribes; resolves with the granted QoS of each filter (0x80: refused). */
  async subscribe(filters: string[], qos: 0 | 1): Promise<number[]> {
    const payload = filters.flatMap((filter) => [str(filter), Buffer.from([qos])]);
    const ack = await this.request((id) => packet(0x82, u16(id), ...payload));
    return [...ack.subarray(2)];
  }

  /** Publishes at QoS 1 (resolves on PUBACK) or QoS 0 (resolves once written). */
  async publish(topic: string, payload: string, options: { qos: 0 | 1; retain?: boolean }): Promise<void> {
    const first = 0x30 | (options.qos << 1) | (options.retain ? 1 : 0);
    if (options.qos === 0) {
      this.socket.write(packet(first, str(topic), Buffer.from(payload, 'utf8')));
      return;
    }
    await this.request((id) => packet(first, str(topic), u16(id), Buffer.from(payload, 'utf8')));
  }

  /** DISCONNECT and close. */
  end(): void {
    if (!this.socket.destroyed) this.socket.end(Buffer.from([0xe0, 0x00]));
    this.socket.destroy();
  }
}
