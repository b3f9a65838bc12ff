import type { CommanderError } from 'commander';
import { t } from '../i18n/translate.js';
import { badInput, type GateError } from '../model/errors.js';
import { OPTION_SPECS } from './options.js';

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
    case 'commander.missingArgument':
      return badInput(t('missing argument {{name}}', { name: quoted.toUpperCase() }), help);
    case 'commander.optionMissingArgument':
      return badInput(t('option "{{name}}" needs a value', { name: quoted.split(/[ ,]/)[0] ?? quoted }), help);
    case 'commander.excessArguments':
      return badInput(t('too many arguments'), help);
    default:
      return badInput(error.message.replace(/^error: /, ''), help);
  }
}
