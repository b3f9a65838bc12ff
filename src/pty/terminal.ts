import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { childProcess } from '../run/lazy-builtins.js';
import { shQuote } from '../run/quote.js';
import { findProgram } from './connect-failure.js';

/** A program running in a real pty: what the session needs of node-pty, whichever route made the pty. */
export interface Terminal {
  /** How the pty was made: node-pty, or util-linux's `script` where node-pty cannot load (Termux). */
  route: 'node-pty' | 'script';
  onData(listener: (data: string) => void): void;
  onExit(listener: () => void): void;
  write(data: string): void;
  kill(): void;
}

interface Spawn {
  file: string;
  args: string[];
  env: Record<string, string>;
}

/** node-pty, when its native module loads here (a prebuilt or a compiled one); undefined otherwise. */
async function loadNodePty(): Promise<typeof import('node-pty') | undefined> {
  if (process.env.GATE_MQTT_PTY === 'script') return undefined; // the other route, on purpose (tests)
  try {
    return await import('node-pty');
  } catch {
    return undefined;
  }
}

/**
 * util-linux's `script` gives the program a pty of its own and relays it over plain pipes: the same
 * terminal behaviour (echo, line discipline, job control) with no native module. `script -c` runs the
 * command line through $SHELL -c, set to sh: no rc file is read.
 */
function scriptTerminal(script: string, spec: Spawn): Terminal {
  const command = [spec.file, ...spec.args].map(shQuote).join(' ');
  const child = childProcess().spawn(script, ['-q', '-f', '-e', '-c', command, '/dev/null'], {
    env: { ...spec.env, SHELL: findProgram('sh', spec.env.PATH) ?? '/bin/sh' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => undefined); // a write after the program ended: its exit says the rest
  return {
    route: 'script',
    onData: (listener) => {
      child.stdout.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
    },
    onExit: (listener) => {
      child.on('exit', () => listener());
      child.on('error', () => listener());
    },
    write: (data) => {
      if (child.stdin.writable) child.stdin.write(data);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/** Starts the program in a pty: node-pty where it loads, else `script`; neither is a clear failure. */
export async function openTerminal(spec: Spawn): Promise<Terminal> {
  const nodePty = await loadNodePty();
  if (nodePty) {
    const term = nodePty.spawn(spec.file, spec.args, { name: 'dumb', cols: 200, rows: 50, env: spec.env });
    return {
      route: 'node-pty',
      onData: (listener) => term.onData(listener),
      onExit: (listener) => term.onExit(() => listener()),
      write: (data) => term.write(data),
      kill: () => term.kill(),
    };
  }
  const script = findProgram('script', spec.env.PATH ?? process.env.PATH);
  if (!script)
    throw failed(
      t('no way to open a terminal here: node-pty does not load and util-linux script is missing'),
      t('install util-linux (Termux: pkg install util-linux; Debian: apt-get install util-linux)'),
    );
  return scriptTerminal(script, spec);
}
