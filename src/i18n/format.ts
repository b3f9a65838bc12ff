/** Dates and numbers for people, the same in both languages where the form is the same. */
import { language } from './translate.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25 11:00:00" in local time (the time people on the gateway read on its clock). */
export function localTime(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** How each language writes a number: Polish groups with a no-break space from five digits on. */
const NUMBER_FORMS = {
  en: { group: ',', decimal: '.', groupFrom: 4 },
  pl: { group: '\u00a0', decimal: ',', groupFrom: 5 },
} as const;

/**
 * A quantity for people, as the language writes it: "80 559,5" in Polish, "80,559.5" in English, as
 * Intl.NumberFormat writes it (pl-PL, en-GB; a unit test compares), rounding half away from zero. Written
 * out because Intl's first use loads ICU's data: a tenth of `status`'s run. Not for ports, PIDs or line
 * numbers, which are names, not amounts.
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  const form = NUMBER_FORMS[language() === 'pl' ? 'pl' : 'en'];
  // rounded on the decimal digits (1.005 -> 1.01), not on the binary value toFixed alone would see
  const rounded = Number(`${Math.round(Number(`${Math.abs(value)}e${fractionDigits}`))}e-${fractionDigits}`);
  const [whole = '0', fraction] = rounded.toFixed(fractionDigits).split('.');
  const grouped = whole.length >= form.groupFrom ? whole.replace(/\B(?=(\d{3})+$)/g, form.group) : whole;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `${form.decimal}${fraction}`}`;
}

/** Bytes as MiB for people ("80 559,5 MiB"); whole MiB from 10 MiB up. */
export function formatMiB(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return `${formatNumber(mib, mib < 10 && mib % 1 !== 0 ? 1 : 0)} MiB`;
}

/**
 * A duration for people, in SI units with a space, the number in the language's form: "42 s", "7 min",
 * "3,5 h", "2,1 d" (Intl.DurationFormat is not in Node 20). JSON keeps the seconds.
 */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${formatNumber(Math.round(seconds))} s`;
  if (seconds < 7200) return `${formatNumber(Math.round(seconds / 60))} min`;
  return seconds < 172_800 ? `${formatNumber(seconds / 3600, 1)} h` : `${formatNumber(seconds / 86_400, 1)} d`;
}

/** Log lines for people: mosquitto's epoch seconds and our ISO times become local date and time. */
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
