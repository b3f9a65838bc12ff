import { COMMANDS } from '../../src/cli/commands.js';
import { OPTION_SPECS, type OptionSpec } from '../../src/cli/options.js';
import { OPTIONS } from '../../src/config/options.js';
import { messageKeys } from './messages.js';

/** commander's own words: its help and errors, which reach people without passing through t(). */
const COMMANDER = ['usage', 'options', 'command', 'commands', 'arguments', 'display', 'help', 'for', 'default']
  .concat(['choices', 'error', 'hint', 'missing', 'argument', 'unknown', 'option', 'required', 'specified'])
  .concat(['expected', 'invalid']);
// What the programs we relay say (mosquitto's stderr, pm2's states): it may reach a message as it is.
const RELAYED = ['got', 'unable', 'already', 'variable', 'couldn', 'errored', 'launching', 'stopping'].concat([
  'exited',
  'received',
  'malformed',
  'refused',
  'denied',
  'such',
]);

// Names of programs, files and protocols: the same in any language.
const PROGRAMS = ['mosquitto', 'pm2', 'mqtt', 'termux', 'ansible', 'ssh', 'sshd', 'adb', 'supla', 'npm', 'pkg']
  .concat(['apt', 'dpkg', 'bash', 'node', 'nodejs', 'json', 'tls', 'tcp', 'usb', 'unix', 'ipv', 'lan', 'nat'])
  .concat(['pid', 'uid', 'rfc', 'fifo', 'nul', 'utc', 'mib', 'sha', 'sums', 'nano', 'sudo', 'chmod', 'kill'])
  .concat(['ifconfig', 'openssh', 'debian', 'android', 'linux', 'psk', 'whoami', 'localhost', 'destdir', 'script'])
  .concat(['getifaddrs', 'openssl', 'pem', 'sighup', 'x509']);
// Technical terms the Polish catalog keeps on purpose (a technician searches for them as they are);
// true and false are mosquitto's values (allow_anonymous false).
const TERMS = ['broker', 'listener', 'port', 'host', 'log', 'test', 'topic', 'limit', 'model', 'plugin', 'prefix']
  .concat(['loopback', 'websockets', 'retained', 'qos', 'stderr', 'stdout', 'terminal', 'pty', 'dump', 'root'])
  .concat(['true', 'false', 'sdk', 'acl']);
// Polish words spelt like English ones (most = bridge; restart, router and folder are Polish nouns too).
const POLISH = ['most', 'program', 'folder', 'restart', 'router', 'start'];
// Hyphenated names of programs and packages, taken whole before words are split on hyphens.
const HYPHENATED =
  /^(apt-get|apt-mark|util-linux|node-pty|ssh-copy-id|ssh-keygen|platform-tools|mqtt-logs|mqtt-keeper)$/i;
// Termux's own programs (termux-wake-lock, Termux:API's termux-job-scheduler), whatever their name.
const TERMUX_PROGRAM = /^termux(-[a-z]+)+$/i;
/**
 * Plain English that stays English whatever else allows it: the words the issue names, and option names
 * that only ever reach a text as flags (--dry-run, --fix), which are data and stripped already.
 */
const NEVER = ['changed', 'same', 'online', 'stopped', 'up', 'local', 'error', 'usage', 'options', 'got']
  .concat(['connection', 'refused', 'since', 'would', 'dry', 'run', 'file', 'lines', 'data', 'yes', 'fix'])
  .concat(['follow', 'keep', 'only', 'refuse', 'exposed', 'verbose', 'strict', 'timeout', 'target']);

const words = (text: string) => text.match(/\p{L}+/gu) ?? [];
const english = (word: string) => /^[a-z]{3,}$/i.test(word);

/** Commands, subcommands and one-word option and config names are names; multiword ones arrive whole (data). */
const COMMAND_WORDS = new Set([...COMMANDS.flatMap((c) => c.path), 'help', 'completion', 'bash', 'gate', 'mqtt']);
const NAMES = [
  ...COMMAND_WORDS,
  ...Object.keys(OPTION_SPECS).filter((name) => !name.includes('-')),
  ...Object.keys(OPTIONS).filter((name) => !name.includes('_')),
];

export const ALLOWED: ReadonlySet<string> = new Set(
  [...PROGRAMS, ...TERMS, ...POLISH, ...NAMES].filter((w) => !NEVER.includes(w)),
);

let vocabulary: Set<string> | undefined;
let keys: string[] | undefined;
const messageTexts = () => (keys ??= [...new Set(messageKeys().keys.map((k) => k.text))]);

/** Every English word of the messages, lowercase, and those of commander and the programs we relay. */
export function englishVocabulary(): ReadonlySet<string> {
  vocabulary ??= new Set(
    [...messageTexts().flatMap((key) => words(key.replace(/\{\{\w+\}\}/g, ' '))), ...COMMANDER, ...RELAYED]
      .filter(english)
      .map((w) => w.toLowerCase()),
  );
  return vocabulary;
}

/** Flags that take a value: in an example their value is data too. */
const TAKES_VALUE = new Set(
  Object.values(OPTION_SPECS as Record<string, OptionSpec>)
    .filter((spec) => spec.flags.includes('<'))
    .flatMap((spec) => spec.flags.split(/[ ,]+/).filter((w) => w.startsWith('-'))),
);

const isData = (token: string) =>
  /[/._=@:\d$]/.test(token) || token.startsWith('-') || HYPHENATED.test(token) || TERMUX_PROGRAM.test(token);
const trim = (token: string) => token.replace(/^[([{<'`«]+/, '').replace(/[)\]}>,;:!?.'`…»]+$/, '');

/** The words of one line that are not data: quotes, paths, ids, flags and command examples taken out. */
function proseWords(line: string): string[] {
  const tokens = line
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/„[^”\n]*”|"[^"\n]*"/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = trim(tokens[i]!);
    // a line of a config file shown in a diff: mosquitto's words
    if (token === 'diff' && /^[-+−]$/.test(tokens[i + 1] ?? '')) break;
    // `adb shell "…"`: a command example (its quoted part is taken out above)
    if (token === 'adb' && trim(tokens[i + 1] ?? '') === 'shell') i++;
    else if (token === 'gate-mqtt') {
      // A command example: its words are commands, flags, their values and arguments, up to , ; or )
      while (i + 1 < tokens.length && !/[,;)]$/.test(tokens[i]!)) {
        const next = trim(tokens[i + 1]!);
        const upper = next === next.toUpperCase();
        if (!(COMMAND_WORDS.has(next) || isData(next) || upper || TAKES_VALUE.has(trim(tokens[i]!)))) break;
        i++;
      }
    } else if (!isData(token)) found.push(...words(token));
  }
  return found;
}

/** The English words of one line, lowercase. */
function englishOf(line: string): string[] {
  const vocabulary = englishVocabulary();
  return proseWords(line)
    .map((w) => w.toLowerCase())
    .filter((w) => english(w) && vocabulary.has(w) && !ALLOWED.has(w));
}

/** The English words found in a text that should be Polish, each once, in the order met. */
export function englishWords(text: string): string[] {
  return [...new Set(text.split('\n').flatMap(englishOf))];
}

/** The lines that hold English words, each with its words: what a failure shows, to be fixed in src/. */
export function englishLines(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const found = englishOf(line);
    return found.length ? [`${line.trim()}  <- ${[...new Set(found)].join(', ')}`] : [];
  });
}

let patterns: { key: string; pattern: RegExp }[] | undefined;

/** A key as a pattern: its places match any text on the line, "(s)" an optional plural. */
function keyPatterns() {
  patterns ??= messageTexts()
    .map((key) => key.trim())
    .filter((key) => {
      const literal = key.replace(/\{\{\w+\}\}/g, ' ');
      return words(literal).length >= 3 && englishWords(literal).length > 0;
    })
    .map((key) => {
      const source = key
        .split(/\{\{\w+\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\(s\\\)/g, '(?:s)?'))
        .join('[^\\n]*?');
      return { key, pattern: new RegExp(source) };
    });
  return patterns;
}

/** English message keys found verbatim in a text (places as wildcards): they reached people untranslated. */
export function untranslatedKeys(text: string): string[] {
  return keyPatterns()
    .filter(({ pattern }) => pattern.test(text))
    .map(({ key }) => key);
}

/** Errors without their hint: a `błąd:` line not followed by `wskazówka:`, a doctor's BŁĄD row without `->`. */
export function errorsWithoutHint(text: string, lang: 'pl' | 'en' = 'pl'): string[] {
  const [error, hint, fail] = lang === 'pl' ? ['błąd:', 'wskazówka:', 'BŁĄD'] : ['error:', 'hint:', 'FAIL'];
  const lines = text.split('\n');
  return lines.filter(
    (line, i) =>
      (line.startsWith(error) && !lines[i + 1]?.startsWith(hint)) ||
      (line.startsWith(`  ${fail} `) && !lines[i + 1]?.trimStart().startsWith('->')),
  );
}

/** Error and hint lines that end in a colon: the text after it (mosquitto's reason, say) is missing. */
export function emptyMessages(text: string, lang: 'pl' | 'en' = 'pl'): string[] {
  const prefixes = lang === 'pl' ? ['błąd:', 'wskazówka:'] : ['error:', 'hint:'];
  return text.split('\n').filter((line) => prefixes.some((p) => line.startsWith(p)) && /:$/.test(line.trimEnd()));
}
