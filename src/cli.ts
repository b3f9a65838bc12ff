import { readFileSync } from 'node:fs';
import { GLOBAL_OPTIONS, type ParsedOptions, parseCommandLine } from './cli-options.js';
import { COMMANDS, type CommandDef, findCommand } from './commands/registry.js';
import { asGateError, badInput, ExitCode } from './errors.js';

const GLOBAL_HELP = `Global options:
  --root DIR      a sandbox gateway: every device path below DIR (like DESTDIR)
  --prefix PATH   the Termux prefix (default $PREFIX or /data/data/com.termux/files/usr)
  --json          print one JSON document on stdout and nothing else there
  --log FILE      append this run's log to FILE (default: PREFIX/var/log/gate-mqtt/COMMAND.log)
  --verbose       echo the log lines on stderr
  --no-color      no colours (also NO_COLOR)
  -h, --help      this help

Exit codes: 0 done, 1 a step or check failed, 2 bad usage or input (nothing changed),
3 another run holds the lock (nothing changed), 4 the environment cannot be served.`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function usage(): string {
  const lines = COMMANDS.map((def) => `  ${def.usage.padEnd(44)} ${def.summary}`);
  const head = `gate-mqtt ${version()}: keeps the MQTT broker of a Termux home gateway working.`;
  return `${head}\n\nUsage: gate-mqtt COMMAND [OPTIONS]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_HELP}\n`;
}

function commandHelp(def: CommandDef): string {
  return `Usage: gate-mqtt ${def.usage}\n\n${def.summary}\n\n${GLOBAL_HELP}\n`;
}

function checkOptions(def: CommandDef, options: ParsedOptions, rest: string[]): void {
  if (options.password !== undefined)
    throw badInput(
      'passwords are never taken on the command line (they would show in the process list)',
      'use --password-stdin or --password-file FILE',
    );
  const allowed = new Set([...GLOBAL_OPTIONS, ...def.options]);
  for (const name of Object.keys(options)) {
    if (!allowed.has(name as never))
      throw badInput(
        `gate-mqtt ${def.path.join(' ')} does not take --${name}`,
        `see: gate-mqtt ${def.path.join(' ')} --help`,
      );
  }
  const [min, max] = def.positionals;
  if (rest.length < min || rest.length > max) throw badInput(`usage: gate-mqtt ${def.usage}`);
}

/** Where the CLI's own lines go (the process's streams; a test may pass others). */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Parses, builds one context, runs the command; every failure becomes a one-line message and an exit code. */
export async function main(argv: string[], io: CliStreams = process): Promise<number> {
  let json = argv.includes('--json');
  let command = 'gate-mqtt';
  try {
    const { positionals, options } = parseCommandLine(argv);
    json = options.json === true;
    if (options.version === true) {
      io.stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    const found = findCommand(positionals);
    if (!found) {
      if (positionals.length === 0 || options.help === true) {
        io.stdout.write(usage());
        return positionals.length === 0 && options.help !== true ? ExitCode.badInput : ExitCode.ok;
      }
      throw badInput(`unknown command "${positionals.join(' ')}"`, 'see: gate-mqtt --help');
    }
    if (options.help === true) {
      io.stdout.write(commandHelp(found.def));
      return ExitCode.ok;
    }
    command = found.def.path.join(' ');
    checkOptions(found.def, options, found.rest);
    const { buildContext } = await import('./context-builder.js');
    const ctx = buildContext(found.def, options);
    try {
      return await found.def.run(ctx, found.rest, options);
    } finally {
      // Open connections (the pm2 daemon's socket) would keep the process alive after the command.
      ctx.pm2.close();
      ctx.log.close();
    }
  } catch (error) {
    const gate = asGateError(error);
    if (json) {
      const error = { code: gate.exitCode, message: gate.message, ...(gate.hint ? { hint: gate.hint } : {}) };
      io.stdout.write(`${JSON.stringify({ command, ok: false, changed: false, steps: [], error }, null, 2)}\n`);
    } else {
      io.stderr.write(`error: ${gate.message}\n`);
      if (gate.hint) io.stderr.write(`hint: ${gate.hint}\n`);
    }
    return gate.exitCode;
  }
}
