/** 42s, 7m, 3.5h, 2.1d: for people; JSON has the seconds. */
export function shortDuration(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return seconds < 172_800 ? `${(seconds / 3600).toFixed(1)}h` : `${(seconds / 86_400).toFixed(1)}d`;
}
