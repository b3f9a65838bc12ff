/**
 * mosquitto.conf as data, split into lines the way mosquitto 2.0.11 reads them: a line whose first byte
 * is '#' is a comment (only in column 0: "  # x" is an option named "#"), one starting with CR or LF or
 * holding only spaces is blank; otherwise the option name is the first run of non-space bytes (only the
 * space separates words: a tab belongs to the word). Each line keeps its raw text, so
 * serialise(parse(x)) === x byte for byte.
 */

export interface BlankLine {
  kind: 'blank';
  raw: string;
  line: number;
}
export interface CommentLine {
  kind: 'comment';
  raw: string;
  line: number;
}
export interface DirectiveLine {
  kind: 'directive';
  raw: string;
  line: number;
  name: string;
  /** What follows the name and the one space after it, untrimmed (trailing CR/LF removed). */
  rest: string;
  /** The rest of the line trimmed of white space (how most string options read it). */
  value: string;
}
export type ConfLine = BlankLine | CommentLine | DirectiveLine;

export interface ConfDoc {
  file: string;
  lines: ConfLine[];
}

/** C's isspace: what mosquitto's trimming removes. */
export const trimBlanks = (text: string) => text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

export function parseLine(raw: string, line: number): ConfLine {
  if (raw.startsWith('#')) return { kind: 'comment', raw, line };
  if (raw === '' || raw.startsWith('\r') || raw.startsWith('\n')) return { kind: 'blank', raw, line };
  const text = raw.replace(/[\r\n]+$/, '');
  const start = text.search(/[^ ]/);
  if (start === -1) return { kind: 'blank', raw, line };
  const space = text.indexOf(' ', start);
  const name = space === -1 ? text.slice(start) : text.slice(start, space);
  const rest = space === -1 ? '' : text.slice(space + 1);
  return { kind: 'directive', raw, line, name, rest, value: trimBlanks(rest) };
}

export function parseConfig(text: string, file = 'mosquitto.conf'): ConfDoc {
  // split('\n') keeps everything else (a '\r', a missing final newline) inside the raw lines.
  const lines = text.split('\n').map((raw, index) => parseLine(raw, index + 1));
  return { file, lines };
}

export function serializeConfig(doc: ConfDoc): string {
  return doc.lines.map((line) => line.raw).join('\n');
}

export function directives(doc: ConfDoc): DirectiveLine[] {
  return doc.lines.filter((line): line is DirectiveLine => line.kind === 'directive');
}

/** Builds a document from new text lines (numbers follow their position). */
export function fromLines(file: string, raws: string[]): ConfDoc {
  return { file, lines: raws.map((raw, index) => parseLine(raw, index + 1)) };
}

/** The next space-separated word of `text` and what follows it (C's strtok_r on " "). */
export function nextWord(text: string): { word: string | undefined; after: string } {
  const start = text.search(/[^ ]/);
  if (start === -1) return { word: undefined, after: '' };
  const end = text.indexOf(' ', start);
  return end === -1
    ? { word: text.slice(start), after: '' }
    : { word: text.slice(start, end), after: text.slice(end + 1) };
}

/** All space-separated words. */
export function words(text: string): string[] {
  return text.split(' ').filter((w) => w !== '');
}
