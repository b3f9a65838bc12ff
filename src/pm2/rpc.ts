import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { failed } from '../errors.js';
import { t } from '../i18n/translate.js';

/** How long the daemon may take to accept the connection, and to answer one call. */
const CONNECT_TIMEOUT_MS = 3000;
const CALL_TIMEOUT_MS = 30_000;

interface AxonSocket {
  connect(target: string): unknown;
  close(): void;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
}

interface RpcClient {
  sock: AxonSocket;
  call(method: string, arg: unknown, callback: (error: Error | null, data: unknown) => void): void;
}

/** The folder of a pm2 install, from its CLI script (PREFIX/lib/node_modules/pm2/bin/pm2). */
export function pm2Dir(script: string): string {
  return path.resolve(path.dirname(script), '..');
}

/** Loads from an install of pm2 itself (so the protocol always matches the daemon that install runs). */
export function requireFromPm2(script: string): (id: string) => unknown {
  return createRequire(path.join(pm2Dir(script), 'package.json'));
}

/** pm2's own RPC modules: vendored in pm2 5+, separate packages before. */
function loadAxon(script: string): {
  axon: { socket(kind: string): AxonSocket };
  rpc: { Client: new (sock: AxonSocket) => RpcClient };
} {
  const load = requireFromPm2(script);
  const pick = (vendored: string, separate: string) => {
    try {
      return load(vendored);
    } catch {
      return load(separate);
    }
  };
  return {
    axon: pick('./modules/pm2-axon', 'pm2-axon') as { socket(kind: string): AxonSocket },
    rpc: pick('./modules/pm2-axon-rpc', 'pm2-axon-rpc') as { Client: new (sock: AxonSocket) => RpcClient },
  };
}

/**
 * A connection to the pm2 daemon's RPC socket (PM2_HOME/rpc.sock), made with the RPC modules of the pm2
 * install that runs the daemon: no CLI, so a call costs milliseconds instead of a node start. One
 * connection per run, reused by every step; `close` ends it so the process can exit.
 */
export class Pm2Rpc {
  private client: RpcClient | undefined;

  constructor(
    readonly script: string,
    readonly socket: string,
  ) {}

  /** Connects when a daemon listens; undefined when none does (nothing is started). */
  private async connect(): Promise<RpcClient | undefined> {
    if (this.client) return this.client;
    if (!existsSync(this.socket)) return undefined;
    const { axon, rpc } = loadAxon(this.script);
    const sock = axon.socket('req');
    const client = new rpc.Client(sock);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS);
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      sock.once('connect', () => settle(true));
      // axon retries a refused connection for ever: the first retry means no daemon listens
      sock.once('reconnect attempt', () => settle(false));
      sock.once('error', () => settle(false));
      sock.connect(this.socket);
    });
    if (!connected) {
      sock.close();
      return undefined;
    }
    this.client = client;
    return client;
  }

  /** Whether a daemon answers on the socket. */
  async alive(): Promise<boolean> {
    return (await this.connect()) !== undefined;
  }

  /** Calls a daemon method; `undefined` when no daemon runs. */
  async call<T>(method: string, arg: unknown): Promise<T | undefined> {
    const client = await this.connect();
    if (!client) return undefined;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            failed(
              t('the pm2 daemon did not answer {{method}} within {{ms}} ms', { method, ms: CALL_TIMEOUT_MS }),
              t('run: gate-mqtt doctor'),
            ),
          ),
        CALL_TIMEOUT_MS,
      );
      client.call(method, arg, (error, data) => {
        clearTimeout(timer);
        if (error) reject(failed(t('pm2 {{method}} failed: {{error}}', { method, error: error.message })));
        else resolve(data as T);
      });
    });
  }

  close(): void {
    this.client?.sock.close();
    this.client = undefined;
  }
}
