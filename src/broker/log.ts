import { readEnd } from '../fsx/read.js';

/** The last lines of a log file (reads only its end, however large the file; never through a link). */
export async function tailFile(file: string, lines = 10, maxBytes = 16 * 1024): Promise<string[]> {
  const end = await readEnd(file, maxBytes).catch(() => undefined);
  return (end?.data.toString('utf8') ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-lines);
}

/** Mosquitto names the bad line of a config it refuses: "Error found at FILE:LINE." */
export function configErrorIn(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /Error found at (.+?):(\d+)\.?$/.exec(lines[i]!);
    if (match) {
      const before = lines[i - 1]?.replace(/^.*?Error: /, '') ?? '';
      return `${match[1]}:${match[2]}: ${before}`.trim();
    }
  }
  return undefined;
}

export function addressInUse(lines: string[]): boolean {
  return lines.some((l) => /Address already in use/i.test(l));
}
