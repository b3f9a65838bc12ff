import { t } from '../i18n/translate.js';
import { randomBytes } from '../run/lazy-builtins.js';
import { cleanPtyText } from './ansi.js';
import { clientWords, connectFailure, findProgram, knownConnectFailure, missingClient } from './connect-failure.js';
import { openTerminal, type Terminal } from './terminal.js';

/** How to reach a shell on the device: a program to spawn in a pty, and lines to send once it answers. */
export interface TransportSpec {
  name: string;
  file: string;
  args: string[];
  env: Record<string, string>;
  /** Shell lines run first (exports, cd); their output is discarded. */
  setup: string[];
  /** How long the first answer may take (ssh handshakes are slow). */
  connectTimeoutMs: number;
  /** A remote client (ssh, adb): its failures are told in its own terms. */
  client?: { kind: 'ssh' | 'adb'; user: string; port: number };
}

export interface RunOutput {
  output: string;
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
}

const MARK = '\x1e';

// node-pty reports a write that lands after the client ended (ssh refused at once) on console.error
// ("Unhandled pty write error … EBADF"). That ending is reported to the user in the client's own terms.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (args[0] !== 'Unhandled pty write error') consoleError(...args);
};
/** How many times a client that ended at once without words we know is started (node-pty#72). */
const CLIENT_TRIES = 3;
/** After this long without an answer, the user hears that the device's login scripts are slow. */
const SLOW_SHELL_MS = 3000;

/** Drops keys whose value is undefined: node-pty would pass them on as the string "undefined". */
function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * One long-lived shell in a real pty. Each command is sent base64-encoded and framed by sentinels with a
 * fresh random id, so its output and exit status are read back exactly whatever the shell echoes,
 * prompts or colours, and whatever the command itself prints. Commands run one at a time, in order.
 */
export class PtySession {
  private buffer = '';
  exited = false;
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: (() => void) | undefined;

  private constructor(
    private readonly term: Terminal,
    readonly transport: string,
  ) {
    term.onData((data) => {
      this.buffer += data;
      this.waiter?.();
    });
    term.onExit(() => {
      this.exited = true;
      this.waiter?.();
    });
  }

  /**
   * Spawns the transport and waits for its shell to answer. `notify` hears, once, when that takes long
   * (a slow login script on the device: ~/.bashrc, ~/.profile, a motd): the wait goes on to the timeout.
   */
  static async open(
    spec: TransportSpec,
    notify?: (message: string) => void,
    /** Gives up at once when aborted (a site's gateway out of time): the client is killed. */
    signal?: AbortSignal,
    /** Which try this is of a client that ended without words we know (see below). */
    attempt = 1,
  ): Promise<PtySession> {
    if (spec.client && !findProgram(spec.file, spec.env.PATH)) throw missingClient(spec.client.kind, spec.file);
    const term = await openTerminal({
      file: spec.file,
      args: spec.args,
      env: definedEnv({ ...spec.env, TERM: 'dumb' }),
    });
    const session = new PtySession(term, spec.name);
    // Aborted while the pty was being made: a listener added now would never hear it.
    if (signal?.aborted) {
      session.kill();
      throw new Error(t('the connection closed'));
    }
    signal?.addEventListener('abort', () => session.kill(), { once: true });
    const slow = setTimeout(
      () =>
        notify?.(
          t('still waiting for the shell on {{target}}: its login scripts (~/.bashrc, ~/.profile) are slow', {
            target: spec.name,
          }),
        ),
      SLOW_SHELL_MS,
    );
    // Quiet the shell: no prompts, no echo of what we type; then prove it answers.
    const ready = await session.exec(
      "unset PROMPT_COMMAND; PS1=''; PS2=''; stty -echo 2>/dev/null; true",
      spec.connectTimeoutMs,
      false,
    );
    clearTimeout(slow);
    if (ready.exitCode === null) {
      // The client's last words can come after its exit is heard (node-pty reads the pty after SIGCHLD).
      if (session.exited) await session.drained();
      session.close();
      const said = cleanPtyText(session.buffer);
      // The client ended at once (refused, unknown host key, no device): say why, in its terms.
      if (session.exited && spec.client) {
        const { user, port } = spec.client;
        const known = knownConnectFailure(spec.name, user, port, said);
        if (known) throw known;
        // node-pty can lose a client's last words when it ends at once (node-pty#72): when its process is
        // not scheduled for 200 ms, its timer destroys the pty before the last read (seen on 2 busy cores:
        // "Connection refused" lost). Tried again, up to 3 times, before it is told as "the connection closed".
        if (attempt < CLIENT_TRIES && !signal?.aborted) return PtySession.open(spec, undefined, signal, attempt + 1);
        throw connectFailure(spec.name, user, port, said);
      }
      const seen = clientWords(said).slice(-2).join(' | ');
      const why = session.exited
        ? t('the connection closed')
        : t('a login script on the device may hang (~/.bashrc, ~/.profile)');
      const values = { target: spec.name, ms: spec.connectTimeoutMs, why, seen };
      throw new Error(
        seen
          ? t('no shell answered over {{target}} within {{ms}} ms: {{why}}; it said: {{seen}}', values)
          : t('no shell answered over {{target}} within {{ms}} ms: {{why}}', values),
      );
    }
    for (const line of spec.setup) await session.exec(line, spec.connectTimeoutMs, false);
    // Killed or gone during the set-up lines: not a session to work in.
    if (session.exited) throw new Error(t('the connection closed'));
    return session;
  }

  /** Waits until nothing more has come for a moment (at most half a second): the output of a client that ended. */
  private async drained(): Promise<void> {
    const deadline = Date.now() + 500;
    let seen = -1;
    while (seen !== this.buffer.length && Date.now() < deadline) {
      seen = this.buffer.length;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
  }

  /** How the pty was made (node-pty, or util-linux script where node-pty does not load). */
  get route(): Terminal['route'] {
    return this.term.route;
  }

  /** Runs a shell script on the device; stdin is /dev/null, stderr is merged into the output. */
  run(script: string, timeoutMs = 10_000): Promise<RunOutput> {
    const next = this.queue.then(() => this.exec(script, timeoutMs, true));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exec(script: string, timeoutMs: number, encode: boolean, resync = true): Promise<RunOutput> {
    const started = Date.now();
    if (this.exited) return { output: '', exitCode: null, timedOut: true, ms: 0 };
    const id = randomBytes(8).toString('hex');
    // A terminal takes at most 4096 bytes on one line (canonical mode): a long script is typed as
    // several short lines that build it up in a variable first.
    const chunks = encode
      ? (Buffer.from(script)
          .toString('base64')
          .match(/.{1,512}/g) ?? [])
      : [];
    const typed = chunks.map((chunk, i) => `_gmq=${i === 0 ? '' : '"$_gmq"'}'${chunk}'\r`).join('');
    const body = encode ? `( eval "$(printf '%s' "$_gmq" | base64 -d)" ) </dev/null 2>&1` : script;
    // The markers are split in what we type ('%s%s'), so an echo of this line never looks like them.
    const begin = `printf '\\036%s%s\\036\\n' 'GMB' '${id}'`;
    const line = `${typed}${begin}; ${body}; printf '\\036GME%s:%d\\036\\n' '${id}' "$?"\r`;
    const start = `${MARK}GMB${id}${MARK}`;
    const end = new RegExp(`${MARK}GME${id}:(\\d+)${MARK}`);
    this.buffer = '';
    this.term.write(line);
    const found = await this.waitFor(() => end.test(this.buffer), timeoutMs);
    if (!found) {
      if (resync && !this.exited) {
        this.term.write('\x03'); // interrupt the command, then wait until the shell answers again
        await this.exec('true', 3000, false, false);
      }
      return { output: '', exitCode: null, timedOut: true, ms: Date.now() - started };
    }
    const text = this.buffer;
    const from = text.indexOf(start);
    const match = end.exec(text)!;
    const raw = from === -1 ? text.slice(0, match.index) : text.slice(from + start.length, match.index);
    return {
      output: cleanPtyText(raw).replace(/^\n/, ''),
      exitCode: Number(match[1]),
      timedOut: false,
      ms: Date.now() - started,
    };
  }

  private waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(value);
      };
      this.waiter = () => {
        if (test()) finish(true);
        else if (this.exited) finish(false);
      };
      this.waiter();
    });
  }

  /**
   * Ends the session at once (a gateway out of time): the client is killed, and a command waiting for
   * its output ends now as not answered instead of on its own timer.
   */
  kill(): void {
    if (this.exited) return;
    try {
      this.term.kill();
    } catch {
      // already gone
    }
    this.exited = true;
    this.waiter?.();
  }

  /** Asks the shell to exit (ssh then closes cleanly); kills it when it does not within a moment. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.term.write('exit\r');
    const gone = await this.waitFor(() => this.exited, 1000);
    if (!gone) {
      try {
        this.term.kill();
      } catch {
        // already gone
      }
    }
  }
}
