/**
 * Speed and memory of the main jobs, as ratios against a baseline run side by side: the bare CLI start
 * (`gate-mqtt --version`: node plus our modules), so the numbers mean the same on a slower machine.
 * Each job runs RUNS times in its own sandbox; the median counts. Exits 1 when a target is missed.
 *
 *   npm run bench            (RUNS=7 npm run bench for more runs)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaths, bundledPm2Script, DEFAULT_PREFIX } from '../src/platform/profile.js';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(PROJECT, 'bin', 'gate-mqtt.js');
const RUNS = Number(process.env.RUNS ?? 5);
const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/root',
  LANG: 'C.UTF-8',
  NO_COLOR: '1',
};

interface Sample {
  ms: number;
  peakKiB: number;
}

/** Runs the CLI and reads its peak resident memory (VmHWM) from /proc until it exits. */
function measure(args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...args], { env: ENV, stdio: 'ignore' });
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
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`gate-mqtt ${args.join(' ')} exited ${code}`));
      else resolve({ ms, peakKiB });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const jobs: Record<string, Sample[]> = {
  baseline: [],
  'provision (first)': [],
  'provision (second)': [],
  'doctor (local)': [],
};

for (let run = 0; run < RUNS; run++) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmb-'));
  const paths = buildPaths(root, DEFAULT_PREFIX);
  try {
    const port = String(await freePort());
    jobs.baseline!.push(await measure(['--version']));
    jobs['provision (first)']!.push(await measure(['provision', '--root', root, '--port', port]));
    jobs['provision (second)']!.push(await measure(['provision', '--root', root, '--port', port]));
    jobs['doctor (local)']!.push(await measure(['doctor', '--root', root]));
  } finally {
    spawnSync(process.execPath, [bundledPm2Script(), 'kill'], {
      env: { ...ENV, PM2_HOME: paths.pm2Home },
      stdio: 'ignore',
    });
    rmSync(root, { recursive: true, force: true });
  }
}

// Targets, as multiples of the bare CLI start (about 75 ms and 41 MiB here): about 1.5 times what was
// measured when they were set, so a regression shows while machine noise does not. An idempotent
// provision must stay cheap enough for every boot; a local doctor about a second.
const TARGETS: Record<string, { time: number; memory: number }> = {
  'provision (first)': { time: 55, memory: 3 },
  'provision (second)': { time: 30, memory: 3 },
  'doctor (local)': { time: 16, memory: 3 },
};

const base = { ms: median(jobs.baseline!.map((s) => s.ms)), kib: median(jobs.baseline!.map((s) => s.peakKiB)) };
const rows = [];
let missed = 0;
for (const [job, samples] of Object.entries(jobs)) {
  const ms = median(samples.map((s) => s.ms));
  const kib = median(samples.map((s) => s.peakKiB));
  const target = TARGETS[job];
  const timeRatio = ms / base.ms;
  const memoryRatio = kib / base.kib;
  const ok = !target || (timeRatio <= target.time && memoryRatio <= target.memory);
  if (!ok) missed++;
  rows.push({
    job,
    medianMs: Math.round(ms),
    peakMiB: +(kib / 1024).toFixed(1),
    timeRatio: +timeRatio.toFixed(1),
    memoryRatio: +memoryRatio.toFixed(2),
    target: target ? `<= ${target.time}x time, <= ${target.memory}x memory` : 'baseline',
    ok,
  });
}
console.log(`gate-mqtt bench: median of ${RUNS} runs, ratios against the bare CLI start`);
console.table(rows);
mkdirSync(path.join(PROJECT, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(PROJECT, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify({ runs: RUNS, rows }, null, 2)}\n`,
);
process.exit(missed ? 1 : 0);
