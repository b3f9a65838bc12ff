import { readFileSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import { chooseLanguage, setLanguage, t } from '../i18n/translate.js';
import { asGateError, badInput, ExitCode, type GateError, pointToLog } from '../model/errors.js';
import { crashPoint, newRun } from '../run/fault.js';
import { ignoreClosedPipes } from '../ui/print.js';
import { visible } from '../ui/visible.js';
import { COMMANDS } from './commands.js';
import { stringOption } from './options.js';
import { buildProgram, commandWords, type Selected } from './program.js';
import { usageError } from './usage-errors.js';

/** Our own package.json: the nearest one above this file (src/cli/ in the sources, dist/ in the bundle). */
function version(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (manifest.name === 'gate-mqtt') return manifest.version;
    } catch {
      // none here: the folder above
    }
  }
  return 'unknown';
}

/** The value of an option read before commander runs (the language of its own messages, --json for errors). */
function early(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return undefined;
    // a next word that is an option is not this one's value ("--lang --root x": no value given)
    if (word === `--${name}`) return argv[i + 1]?.startsWith('-') ? '' : (argv[i + 1] ?? '');
    if (word.startsWith(`--${name}=`)) return word.slice(name.length + 3);
  }
  return undefined;
}

/** The known command words at the start of the command line ("config apply"), for a usage hint. */
function commandPath(program: Command, argv: string[]): string[] {
  const path: string[] = [];
  let current = program;
  for (const word of commandWords(argv)) {
    const sub = current.commands.find((c) => c.name() === word);
    if (!sub) break;
    path.push(word);
    current = sub;
  }
  return path;
}

/**
 * After commander showed a help for a command line that names no command (a group alone, "help nosuch"):
 * the one error line and hint every usage error has.
 */
function incomplete(path: string[], argv: string[]): GateError {
  if (argv[0] === 'help')
    return badInput(t('unknown command "{{name}}"', { name: argv.slice(1).join(' ') }), t('see: gate-mqtt --help'));
  const group = path.join(' ');
  const inGroup = COMMANDS.filter((c) => c.path.slice(0, path.length).join(' ') === group);
  const commands = [...new Set(inGroup.map((c) => c.path[path.length]))].join(', ');
  const example = inGroup[0]?.examples[0];
  return badInput(
    t('{{group}} needs a command: {{commands}}', { group: `gate-mqtt ${group}`, commands }),
    example ? t('e.g. {{example}}', { example }) : t('see: gate-mqtt --help'),
  );
}

/** Where the CLI's own lines go (the process's streams; a test may pass others). */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Parses, builds one context, runs the command; every failure becomes a one-line message and an exit code. */
export async function main(argv: string[], io: CliStreams = process): Promise<number> {
  ignoreClosedPipes();
  newRun();
  let json = argv.includes('--json');
  let command = 'gate-mqtt';
  try {
    const lang = chooseLanguage(early(argv, 'lang'), process.env);
    if (!lang) {
      // the refusal itself in the language of the locale
      await setLanguage(chooseLanguage(undefined, process.env) ?? 'en');
      const value = early(argv, 'lang') ?? '';
      throw badInput(
        value === ''
          ? t('option "{{name}}" needs a value', { name: '--lang' })
          : t('--lang takes pl or en, not "{{value}}"', { value }),
        t('--lang pl (Polish) or --lang en (English)'),
      );
    }
    await setLanguage(lang);
    if (argv.some((word) => word === '--password' || word.startsWith('--password=')))
      throw badInput(
        t('passwords are never taken on the command line (they would show in the process list)'),
        t('use --password-stdin or --password-file FILE'),
      );
    let selected: Selected | undefined;
    // `help config apply` is `config apply --help` (commander's help command takes one word).
    const words = argv[0] === 'help' && argv.length > 2 ? [...argv.slice(1), '--help'] : argv;
    const program = buildProgram(
      version(),
      io,
      (chosen) => {
        selected = chosen;
      },
      words,
    );
    try {
      await program.parseAsync(words, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      // Help or the version asked for: done. A group without its subcommand: its help was shown, exit 2.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
      if (error.code === 'commander.help') {
        if (error.exitCode === 0) return ExitCode.ok;
        throw incomplete(commandPath(program, argv), argv);
      }
      throw usageError(error, commandPath(program, argv).join(' '));
    }
    if (!selected) return ExitCode.ok; // a command that printed its output itself (completion)
    const { def, positionals, options } = selected;
    command = def.path.join(' ');
    json = options.json === true;
    const { buildContext } = await import('../context/build.js');
    const ctx = buildContext({
      command: def.path,
      root: stringOption(options, 'root'),
      prefix: stringOption(options, 'prefix'),
      json,
      dryRun: options['dry-run'] === true,
      verbose: options.verbose === true,
      noColor: options['no-color'] === true,
      log: stringOption(options, 'log'),
      changesDevice: def.needsDevice || options.fix === true,
      readsDevice: typeof def.readsDevice === 'function' ? def.readsDevice(options) : def.readsDevice === true,
      remote: def.remote?.(options) ?? false,
    });
    try {
      crashPoint(`command:${command}`);
      return await def.run(ctx, positionals, options);
    } catch (error) {
      // A bug's stack goes to the run log (or the command's log file), never to the screen.
      const gate = asGateError(error);
      throw pointToLog(gate, gate.exitCode === ExitCode.internal ? ctx.log.failure(command, gate) : undefined);
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
      // Whatever a message quotes (a file's bytes, a host name) reaches the terminal escaped, never raw.
      io.stderr.write(`${t('error: {{message}}', { message: visible(gate.message) })}\n`);
      if (gate.hint) io.stderr.write(`${t('hint: {{hint}}', { hint: visible(gate.hint) })}\n`);
    }
    return gate.exitCode;
  }
}
