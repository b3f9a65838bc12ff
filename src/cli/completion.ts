import type { Command, Option } from 'commander';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

/** Every command path ("", "config", "config apply", …) with the words that may come next there. */
function table(program: Command): Array<{ path: string; words: string[]; valued: string[] }> {
  const rows: Array<{ path: string; words: string[]; valued: string[] }> = [];
  const flagsOf = (options: readonly Option[]) => options.flatMap((o) => [o.long, o.short].filter(Boolean) as string[]);
  const walk = (command: Command, path: string[], inherited: readonly Option[]) => {
    const options = [...inherited, ...command.options];
    rows.push({
      path: path.join(' '),
      words: [...command.commands.map((c) => c.name()), ...flagsOf(options), ...(path.length ? [] : ['help'])],
      valued: flagsOf(options.filter((o) => o.required || o.optional)),
    });
    for (const sub of command.commands) walk(sub, [...path, sub.name()], options);
  };
  walk(program, [], []);
  return rows;
}

/**
 * A bash completion script made from the command table itself (it cannot drift from the real
 * commands): commands, subcommands and options where they fit; file names after an option that takes one.
 */
export function completionScript(shell: string, program: Command): string {
  if (shell !== 'bash')
    throw badInput(t('no completion for the shell "{{shell}}"', { shell }), t('gate-mqtt completion bash'));
  const rows = table(program);
  const cases = rows.map((row) => `    "${row.path}") echo "${row.words.join(' ')}" ;;`).join('\n');
  const valued = [...new Set(rows.flatMap((row) => row.valued))].join('|');
  return `# bash completion for gate-mqtt (gate-mqtt completion bash)
_gate_mqtt_words() {
  case "$1" in
${cases}
  esac
}
_gate_mqtt() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" word i
  case "$prev" in
    --lang) COMPREPLY=($(compgen -W "pl en" -- "$cur")); return ;;
    ${valued}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case " $(_gate_mqtt_words "$path") " in
      *" $word "*) case "$word" in -*) ;; *) path="\${path:+$path }$word" ;; esac ;;
    esac
  done
  COMPREPLY=($(compgen -W "$(_gate_mqtt_words "$path")" -- "$cur"))
}
complete -F _gate_mqtt gate-mqtt
`;
}
