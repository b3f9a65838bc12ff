import type { CommanderError } from 'commander';
import { t } from '../i18n/translate.js';
import { badInput, type GateError } from '../model/errors.js';
import { COMMANDS } from './commands.js';
import { exampleHint, OPTION_SPECS, type OptionName, VALUE_NAMES } from './options.js';

/** Options some command takes ("--fix"), so "status --fix" says that status does not take it. */
const KNOWN_OPTIONS = new Set(Object.keys(OPTION_SPECS).map((name) => `--${name}`));

/** commander's "(Did you mean X?)" and the quoted word of its message, read back to say them in our words. */
function parts(message: string): { quoted: string; suggestion: string | undefined } {
  return {
    quoted: /'([^']*)'/.exec(message)?.[1] ?? '',
    suggestion: /\(Did you mean (?:one of )?(.+)\?\)/.exec(message)?.[1],
  };
}

/**
 * A usage error from commander as one line and a hint in the chosen language, exit 2. "Did you mean"
 * comes from commander's own suggestion (edit distance over the commands and options in that place).
 */
export function usageError(error: CommanderError, where: string): GateError {
  const { quoted, suggestion } = parts(error.message);
  const help = t('see: gate-mqtt {{where}}--help', { where: where ? `${where} ` : '' });
  const hint = suggestion ? t('did you mean {{suggestion}}?', { suggestion }) : help;
  switch (error.code) {
    case 'commander.unknownCommand': {
      const full = suggestion ? ['gate-mqtt', where, suggestion].filter(Boolean).join(' ') : undefined;
      return badInput(
        t('unknown command "{{name}}"', { name: quoted }),
        full ? t('did you mean {{suggestion}}?', { suggestion: full }) : help,
      );
    }
    case 'commander.unknownOption':
      if (where && KNOWN_OPTIONS.has(quoted.split('=')[0] ?? quoted))
        return badInput(t('gate-mqtt {{command}} does not take {{option}}', { command: where, option: quoted }), help);
      return badInput(t('unknown option "{{name}}"', { name: quoted }), hint);
    case 'commander.missingArgument': {
      const name = VALUE_NAMES[quoted] === undefined ? quoted : t(VALUE_NAMES[quoted]);
      const example = COMMANDS.find((c) => c.path.join(' ') === where)?.examples[0];
      return badInput(
        t('missing argument {{name}}', { name: name.toUpperCase() }),
        example ? t('e.g. {{example}}', { example }) : help,
      );
    }
    case 'commander.optionMissingArgument': {
      // commander quotes the whole flags ("-n, --lines <n>"): the long one names it
      const long = quoted.split(/[ ,]+/).find((word) => word.startsWith('--')) ?? quoted;
      const hint = long.slice(2) in OPTION_SPECS ? exampleHint(long.slice(2) as OptionName) : undefined;
      return badInput(t('option "{{name}}" needs a value', { name: long }), hint ?? help);
    }
    case 'commander.excessArguments':
      return badInput(t('too many arguments'), help);
    default:
      // none of ours reaches here today (no mandatory, conflicting or choice options); commander's text is English
      return badInput(t('the command line is not understood'), help);
  }
}
