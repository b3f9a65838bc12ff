/** Log lines for people: mosquitto's epoch seconds and our ISO times become local date and time. */

import { localTime } from '../i18n/format.js';

export { localTime } from '../i18n/format.js';

export interface LogLine {
  /** When, in local time, if the line says; else null. */
  time: string | null;
  text: string;
}

/**
 * mosquitto writes "1795624173: New connection …" (seconds since 1970); our run logs write
 * "2026-11-25T10:00:00.000Z [provision] …". Both become "2026-11-25 11:00:00 …" in local time.
 */
export function readableLine(line: string): LogLine {
  const epoch = /^(\d{9,11}): (.*)$/.exec(line);
  if (epoch) return { time: localTime(new Date(Number(epoch[1]) * 1000)), text: epoch[2]! };
  const iso = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) (.*)$/.exec(line);
  if (iso) return { time: localTime(new Date(iso[1]!)), text: iso[2]! };
  // pm2's own log: "2026-11-25T10:00:00: PM2 log: …", already in local time.
  const pm2 = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d): (.*)$/.exec(line);
  if (pm2) return { time: `${pm2[1]} ${pm2[2]}`, text: pm2[3]! };
  return { time: null, text: line };
}

export const formatLine = (line: LogLine): string => (line.time ? `${line.time} ${line.text}` : line.text);

/** The last `count` lines of a text (a trailing newline ends the last line, it does not start another). */
export function lastLines(text: string, count: number): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return count > 0 ? lines.slice(-count) : [];
}
