import { t } from '../i18n/translate.js';
import type { CheckOutcome, CheckStatus } from '../model/checks.js';

const COLOR: Record<CheckStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m' };
const RESET = '\x1b[0m';

export interface TableStyle {
  color: boolean;
  /** Terminal width to wrap at; undefined: no wrapping (piped output keeps one line per item). */
  width: number | undefined;
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The status marks, padded to the longest in the language in use (Polish "UWAGA" is five letters). */
function marks(): Record<CheckStatus, string> {
  const words = { pass: t('PASS'), warn: t('WARN'), fail: t('FAIL') };
  const width = Math.max(...Object.values(words).map((word) => word.length));
  return { pass: words.pass.padEnd(width), warn: words.warn.padEnd(width), fail: words.fail.padEnd(width) };
}

/**
 * The doctor's table: a mark (PASS green, WARN yellow, FAIL red), the check id, its detail, and under
 * the detail's column the hint; long texts wrap to the terminal and stay in their column.
 */
export function renderTable(outcomes: CheckOutcome[], style: TableStyle): string[] {
  const mark = marks();
  const idWidth = Math.min(24, Math.max(...outcomes.map((o) => o.id.length), 10));
  const indent = 2 + mark.pass.length + 2 + idWidth + 1;
  const room = style.width ? Math.max(30, style.width - indent) : Number.POSITIVE_INFINITY;
  const column = (text: string) => wrap(text, room);
  const lines: string[] = [];
  for (const o of outcomes) {
    const label = style.color ? `${COLOR[o.status]}${mark[o.status]}${RESET}` : mark[o.status];
    const [first = '', ...rest] = column(o.detail);
    lines.push(`  ${label}  ${o.id.padEnd(idWidth)} ${first}`);
    for (const more of rest) lines.push(`${' '.repeat(indent)}${more}`);
    if (o.hint && o.status !== 'pass')
      for (const hint of column(`-> ${o.hint}`)) lines.push(`${' '.repeat(indent)}${hint}`);
  }
  return lines;
}

export interface Counts {
  pass: number;
  warn: number;
  fail: number;
}

export function countOutcomes(outcomes: CheckOutcome[]): Counts {
  return {
    pass: outcomes.filter((o) => o.status === 'pass').length,
    warn: outcomes.filter((o) => o.status === 'warn').length,
    fail: outcomes.filter((o) => o.status === 'fail').length,
  };
}

/** "12 passed, 2 warnings, 1 failed" (Polish plural forms in Polish). */
export function summaryLine(counts: Counts): string {
  return [
    t('{{count}} passed', { count: counts.pass }),
    t('{{count}} warning(s)', { count: counts.warn }),
    t('{{count}} failed', { count: counts.fail }),
  ].join(', ');
}

/** Live progress on a terminal: one line rewritten in place, cleared before the table is printed. */
export class Progress {
  private done = 0;
  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly total: number,
  ) {}

  tick(id: string): void {
    this.done++;
    this.out.write(`\r\x1b[K${t('checking… {{done}}/{{total}} {{id}}', { done: this.done, total: this.total, id })}`);
  }

  clear(): void {
    this.out.write('\r\x1b[K');
  }
}
