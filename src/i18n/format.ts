/** Dates and numbers for people, the same in both languages where the form is the same. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25 11:00:00" in local time (the time people on the gateway read on its clock). */
export function localTime(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
