import { open } from 'node:fs/promises';

/** The last lines of a log file (reads only its end, however large the file). */
export async function tailFile(file: string, lines = 10, maxBytes = 16 * 1024): Promise<string[]> {
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-lines);
  } finally {
    await handle.close();
  }
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
