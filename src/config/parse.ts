/**
 * mosquitto.conf as data. Mosquitto's own rules: a line is split at the first run of spaces into a
 * name and a value (the rest of the line, trimmed); `#` only in column 0 starts a comment; there is no
 * quoting or escaping. Each line keeps its raw text, so serialise(parse(x)) === x byte for byte.
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
  value: string;
}
export type ConfLine = BlankLine | CommentLine | DirectiveLine;

export interface ConfDoc {
  file: string;
  lines: ConfLine[];
}

const LINE_END = /[\r\n]+$/;

export function parseLine(raw: string, line: number): ConfLine {
  const text = raw.replace(LINE_END, '');
  if (text.startsWith('#')) return { kind: 'comment', raw, line };
  const trimmed = text.replace(/^ +/, '');
  if (trimmed.trim() === '') return { kind: 'blank', raw, line };
  const space = trimmed.indexOf(' ');
  const name = space === -1 ? trimmed : trimmed.slice(0, space);
  const value = space === -1 ? '' : trimmed.slice(space + 1).replace(/^[ \t]+|[ \t]+$/g, '');
  return { kind: 'directive', raw, line, name, value };
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
