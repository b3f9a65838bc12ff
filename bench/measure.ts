import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

export interface Sample {
  ms: number;
  /** Peak resident memory of the started process itself (VmHWM), KiB. */
  peakKiB: number;
  code: number | null;
}

/** Runs a program and reads its peak resident memory from /proc until it exits. */
export function measure(file: string, args: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { env, stdio: 'ignore' });
    let peakKiB = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // exited between two polls
      }
    }, 5);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peakKiB, code });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `a` and `b` in turn `runs` times (A/B interleaved, so drift of the machine hits both alike). */
export async function paired(
  runs: number,
  a: () => Promise<Sample>,
  b: () => Promise<Sample>,
): Promise<[Sample[], Sample[]]> {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return [as, bs];
}
