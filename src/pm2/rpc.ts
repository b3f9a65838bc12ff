import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';

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
export function requireFromPm2(script: string): NodeJS.Require {
  return createRequire(path.join(pm2Dir(script), 'package.json'));
}

/**
 * axon logs through the `debug` package, which only prints when DEBUG names it; loading it reads the
 * terminal's colour support (~8 ms of every run). Where DEBUG is unset, a silent one stands in for it.
 */
function quietDebug(load: NodeJS.Require): void {
  if (process.env.DEBUG) return;
  const silent = Object.assign(() => Object.assign(() => undefined, { enabled: false }), {
    enabled: () => false,
    enable: () => undefined,
    disable: () => '',
  });
  for (const from of ['./modules/pm2-axon/lib/sockets/sock', 'pm2-axon/lib/sockets/sock']) {
    try {
      const file = createRequire(load.resolve(from)).resolve('debug');
      load.cache[file] ??= { id: file, filename: file, loaded: true, exports: silent } as NodeJS.Module;
      return;
    } catch {
      // not in this pm2's layout: the next one
    }
  }
}

/**
 * pm2's own RPC modules: vendored in pm2 5+, separate packages before. Only the request socket and the
 * client are loaded (axon's index loads all eight socket kinds: ~14 ms of every run); the index is the
 * fallback for a layout that differs.
 */
function loadAxon(script: string): {
  ReqSocket: new () => AxonSocket;
  Client: new (sock: AxonSocket) => RpcClient;
} {
  const load = requireFromPm2(script);
  quietDebug(load);
  const pick = (...ids: string[]): unknown => {
    for (const id of ids.slice(0, -1)) {
      try {
        return load(id);
      } catch {
        // not in this pm2's layout: the next one
      }
    }
    return load(ids[ids.length - 1]!);
  };
  const axon = (file: string) => [`./modules/pm2-axon/lib/${file}`, `pm2-axon/lib/${file}`];
  const rpc = (file: string) => [`./modules/pm2-axon-rpc/lib/${file}`, `pm2-axon-rpc/lib/${file}`];
  const ReqSocket = pick(...axon('sockets/req'), './modules/pm2-axon', 'pm2-axon') as
    | (new () => AxonSocket)
    | { ReqSocket: new () => AxonSocket };
  const Client = pick(...rpc('client'), './modules/pm2-axon-rpc', 'pm2-axon-rpc') as
    | (new (
        sock: AxonSocket,
      ) => RpcClient)
    | { Client: new (sock: AxonSocket) => RpcClient };
  return {
    ReqSocket: typeof ReqSocket === 'function' ? ReqSocket : ReqSocket.ReqSocket,
    Client: typeof Client === 'function' ? Client : Client.Client,
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
    const { ReqSocket, Client } = loadAxon(this.script);
    const sock = new ReqSocket();
    const client = new Client(sock);
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
        if (error)
          reject(
            failed(
              t('pm2 {{method}} failed: {{error}}', { method, error: error.message }),
              t("pm2's own log says why: gate-mqtt logs --ours"),
            ),
          );
        else resolve(data as T);
      });
    });
  }

  close(): void {
    this.client?.sock.close();
    this.client = undefined;
  }
}
