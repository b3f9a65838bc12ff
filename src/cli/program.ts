import { Command, Option } from 'commander';
import { msg, t } from '../i18n/translate.js';
import { COMMANDS, type CommandDef, GROUPS } from './commands.js';
import {
  OPTION_SPECS,
  type OptionName,
  type OptionSpec,
  type ParsedOptions,
  VALUE_NAMES,
  valueNames,
} from './options.js';

/** What the command line asked for: the command, its positional arguments, its options by our names. */
export interface Selected {
  def: CommandDef;
  positionals: string[];
  options: ParsedOptions;
}

export interface ProgramOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

// commander's headings, translated through styleTitle (it is called with each of them).
const HEADINGS = [msg('Usage:'), msg('Options:'), msg('Global Options:'), msg('Commands:'), msg('Arguments:')];

const EXIT_CODES = msg(
  'Exit codes: 0 done, 1 a step or check failed, 2 bad usage or input (nothing changed), 3 another run holds the lock (nothing changed), 4 the environment cannot be served, 70 an internal error (a bug: please report it), 130/143 stopped by Ctrl-C/SIGTERM after finishing or undoing the change under way.',
);

function optionOf(name: OptionName): Option {
  const spec: OptionSpec = OPTION_SPECS[name];
  const option = new Option(spec.flags, t(spec.description));
  return spec.repeatable
    ? option.argParser((value: string, previous?: string[]) => [...(previous ?? []), value])
    : option;
}

/** commander's camelCase attribute names back to our option names (`dryRun`: `dry-run`; `color: false`: `no-color`). */
function ourOptions(values: Record<string, unknown>): ParsedOptions {
  const options: ParsedOptions = {};
  for (const name of Object.keys(OPTION_SPECS) as OptionName[]) {
    const attribute = optionOf(name).attributeName();
    const value = values[attribute];
    if (name === 'no-color') {
      if (value === false) options['no-color'] = true;
    } else if (typeof value === 'string' || value === true || Array.isArray(value)) options[name] = value as string[];
  }
  return options;
}

function configure(command: Command, out: ProgramOutput): Command {
  return command
    .exitOverride()
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', t('show this help'))
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title: string) => (HEADINGS.includes(title) ? t(title) : title),
      // commander measures its columns on these styled texts, so translated names keep them aligned
      styleOptionText: valueNames,
      // the Arguments section names an argument bare ("shell"), the usage line in brackets ("<shell>")
      styleArgumentText: (text: string) => (VALUE_NAMES[text] === undefined ? valueNames(text) : t(VALUE_NAMES[text])),
      styleSubcommandText: valueNames,
    })
    .configureOutput({
      writeOut: (text) => out.stdout.write(text),
      // commander writes a help to stderr only for a command line without a command: main.ts says it in one line
      writeErr: () => undefined,
      outputError: () => undefined, // our own one-line error and hint are printed instead
    });
}

/** The words that are neither options nor a global option's value: the command path and its arguments. */
export function commandWords(argv: string[]): string[] {
  const takesValue = new Set(
    Object.values(OPTION_SPECS as Record<string, OptionSpec>)
      .filter((spec) => spec.global && spec.flags.includes('<'))
      .flatMap((spec) => spec.flags.split(/[ ,]+/).filter((word) => word.startsWith('-'))),
  );
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) words.push(word);
    else if (takesValue.has(word)) i++;
  }
  return words;
}

/**
 * The command line as commander sees it, built from the command table: a subcommand per path word,
 * every option described, an example per command, help in the chosen language. Parsing only selects:
 * the caller runs the command (one context, one error handler). When the first word names a command,
 * only that command's branch is built (every run pays for the tree; `status` is run at every check);
 * anything else (help or the version asked anywhere, a typo to suggest for, `completion`) gets the whole tree.
 */
export function buildProgram(
  version: string,
  out: ProgramOutput,
  select: (selected: Selected) => void,
  argv: string[] = [],
): Command {
  const first = commandWords(argv)[0];
  const helpAsked = argv.some((word) => ['-h', '--help', '-v', '--version'].includes(word));
  const branch = !helpAsked && COMMANDS.some((def) => def.path[0] === first) ? first : undefined;
  const program = configure(new Command('gate-mqtt'), out)
    .description(t('keeps the MQTT broker of a Termux home gateway working'))
    .version(version, '-v, --version', t('print the version'))
    .helpCommand(`help [${t(VALUE_NAMES.command!)}]`, t('show the help of a command'))
    .addHelpText('after', () => `\n${t(EXIT_CODES)}\n`);
  for (const name of Object.keys(OPTION_SPECS) as OptionName[])
    if ((OPTION_SPECS[name] as OptionSpec).global) program.addOption(optionOf(name));

  const groups = new Map<string, Command>([['', program]]);
  const parentOf = (path: string[]): Command => {
    const key = path.join(' ');
    const known = groups.get(key);
    if (known) return known;
    const parent = parentOf(path.slice(0, -1));
    const group = parent.command(path.at(-1)!).description(t(GROUPS[key] ?? key));
    groups.set(key, group);
    return group;
  };
  for (const def of COMMANDS) {
    if (branch && def.path[0] !== branch) continue;
    const command = parentOf(def.path.slice(0, -1)).command(def.path.at(-1)!).description(t(def.summary));
    if (def.args) command.arguments(def.args);
    for (const name of def.options) command.addOption(optionOf(name));
    const examples = def.examples.map((line) => `  ${line}`).join('\n');
    command.addHelpText('after', () => `\n${def.examples.length > 1 ? t('Examples:') : t('Example:')}\n${examples}\n`);
    command.action((...args: unknown[]) => {
      const self = args.at(-1) as Command;
      select({ def, positionals: self.args, options: ourOptions(self.optsWithGlobals()) });
    });
  }
  if (branch) return program;
  program
    .command('completion')
    .argument('<shell>', t('the shell: bash'))
    .description(t("print the shell's completion script (Termux's shell is bash)"))
    .addHelpText(
      'after',
      () => `\n${t('Example:')}\n  gate-mqtt completion bash > $PREFIX/share/bash-completion/completions/gate-mqtt\n`,
    )
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.js');
      out.stdout.write(completionScript(shell, program));
    });
  return program;
}
