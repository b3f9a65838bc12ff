/** Log lines for people (their times: i18n/format.ts, which the tasks use too). */

/** The last `count` lines of a text (a trailing newline ends the last line, it does not start another). */
export function lastLines(text: string, count: number): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return count > 0 ? lines.slice(-count) : [];
}
