import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

export interface Sample {
  ms: number;
  /** Peak resident memory of the started process itself (VmHWM), KiB. */
  peakKiB: number;
  code: number | null;
  /** CPU time of the started process and every process it waited for (user + system), ms. */
  cpuMs: number;
}

/** CPU time of this process's waited-for children so far (cutime + cstime of /proc/self/stat), ms. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
  return (Number(fields[13]) + Number(fields[14])) * 10; // USER_HZ is 100 on Linux
}

/**
 * Runs a program and reads its peak resident memory from /proc until it exits; its CPU time is what it
 * added to this process's children's time (one measure at a time).
 */
export function measure(file: string, args: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const cpuBefore = childrenCpuMs();
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
      resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        peakKiB,
        code,
        cpuMs: childrenCpuMs() - cpuBefore,
      });
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
