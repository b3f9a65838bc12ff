/**
 * The keeper's footprint (its issue: "the keeper at most 4 MiB resident with its children and at most 50 ms
 * CPU per check; no resident node process besides pm2's daemon"), on a gateway of its own provisioned with
 * GATE_MQTT_KEEPER_SECONDS=1 so that checks come every second. Over a window of WINDOW_S seconds:
 * - memory: every SAMPLE_MS, the PSS (and RSS) of /proc/PID/smaps_rollup summed over the keeper's process
 *   tree (its sh and whatever runs under it then: sleep, date, wc, mosquitto_rr, mv, subshells);
 * - CPU: utime + stime + cutime + cstime of the sh (cutime and cstime hold its reaped children) between the
 *   first and the last check seen in the window (a check is its state file's `check=` changing), per check;
 * - node processes of the gateway besides pm2's daemon: its descendants, or with the gateway's PM2_HOME,
 *   or the root in their command line; the most seen at once.
 * Runnable alone (after `npm run build`): `node --import tsx bench/keeper.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keepersRunning } from '../src/keeper/processes.js';
import { parseKeeperState } from '../src/keeper/state.js';
import { buildPaths, bundledPm2Script, DEFAULT_PREFIX } from '../src/platform/profile.js';
import { freePort, measure, median } from './measure.js';

const WINDOW_S = 15;
const SAMPLE_MS = 10;
const TARGET_MIB = 4;
const TARGET_CPU_MS = 50;

/** A row of bench/run.ts's table (the same shape: an absolute figure, no anchor). */
export interface KeeperRow {
  figure: string;
  unit: string;
  gateMqttMs: number;
  anchor: string;
  anchorMs: null;
  ratio: null;
  target: string;
  ok: boolean;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // gone between two reads
  }
};

/** /proc/PID/stat's fields from the state on (index 0 is field 3), past the command name. */
function statFields(pid: number): string[] | undefined {
  const text = read(`/proc/${pid}/stat`);
  return text?.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** The process and its descendants (a child may end between two reads: it is simply not there). */
function tree(pid: number): number[] {
  const children = (read(`/proc/${pid}/task/${pid}/children`) ?? '').split(' ').filter(Boolean).map(Number);
  return [pid, ...children.flatMap(tree)];
}

/** PSS and RSS (KiB) of one process, and its name; undefined when it is gone. */
function memoryOf(pid: number): { pss: number; rss: number; name: string } | undefined {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const name = read(`/proc/${pid}/comm`)?.trim();
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup ?? '')?.[1]);
  const pss = kib('Pss');
  const rss = kib('Rss');
  return name && Number.isFinite(pss) && Number.isFinite(rss) ? { pss, rss, name } : undefined;
}

/** CPU of the process and its reaped children so far, in clock ticks (fields 14 to 17). */
function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  if (!fields) throw new Error(`the keeper (pid ${pid}) ended during the window`);
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

function ticksPerSecond(): number {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout;
  return Number(out?.trim()) || 100;
}

/** Node processes of this gateway other than pm2's daemon (and this bench). */
function gatewayNodes(root: string, pm2Home: string, daemon: number): string[] {
  const node = path.basename(process.execPath);
  const found: string[] = [];
  for (const pid of readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)) {
    if (pid === daemon || pid === process.pid) continue;
    let exe = '';
    try {
      exe = path.basename(readlinkSync(`/proc/${pid}/exe`));
    } catch {
      continue; // gone, or a kernel thread
    }
    const argv = (read(`/proc/${pid}/cmdline`) ?? '').split('\0');
    if (exe !== node && !/^node/.test(exe) && path.basename(argv[0] ?? '') !== 'node') continue;
    let descendant = false;
    for (let up = pid, hops = 0; up > 1 && hops < 64 && !descendant; hops++) {
      up = Number(statFields(up)?.[1] ?? 0);
      descendant = up === daemon;
    }
    const environ = (read(`/proc/${pid}/environ`) ?? '').split('\0');
    if (descendant || environ.includes(`PM2_HOME=${pm2Home}`) || argv.some((arg) => arg.includes(root)))
      found.push(`${pid} ${argv.join(' ').slice(0, 80)}`);
  }
  return found;
}

async function until<T>(what: string, seconds: number, get: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${seconds} s`);
    await sleep(20);
  }
}

const mibOf = (kib: number) => +(kib / 1024).toFixed(2);

/** Measures the keeper of a gateway provisioned below `root` (checks every second); its rows and notes. */
export async function keeperFootprint(root: string): Promise<{ rows: KeeperRow[]; notes: string[] }> {
  const paths = buildPaths(root, DEFAULT_PREFIX);
  const daemon = Number(read(path.join(paths.pm2Home, 'pm2.pid'))?.trim());
  const keeper = await until('one keeper of the gateway under pm2', 10, async () => {
    const found = await keepersRunning(paths.stateDir);
    return found.length === 1 && found[0]!.parentPid === daemon ? found[0]!.pid : undefined;
  });
  const lastCheck = () => parseKeeperState(read(paths.keeperState) ?? '').lastCheck;
  const before = lastCheck();
  await until('a check of the keeper', 10, () => (lastCheck() !== before ? true : undefined));

  // The window starts right after a check (its state file just replaced) and its CPU ends after the last one.
  let seen = lastCheck();
  const firstTicks = cpuTicks(keeper);
  let lastTicks = firstTicks;
  let checks = 0;
  const pss: number[] = [];
  const rss: number[] = [];
  let peak = { pss: 0, rss: 0, names: '' };
  /** How many samples saw each child under the sh (what the keeper was doing when sampled). */
  const under = new Map<string, number>();
  const nodes = new Set<string>();
  let mostNodes = gatewayNodes(root, paths.pm2Home, daemon).length;
  const end = Date.now() + WINDOW_S * 1000;
  while (Date.now() < end) {
    const parts = tree(keeper)
      .map(memoryOf)
      .filter((part) => part !== undefined);
    if (!parts.some((part) => part.name === 'sh' || part.name === 'dash')) throw new Error('the keeper ended');
    const sum = { pss: 0, rss: 0, names: parts.map((part) => part.name).join(' + ') };
    for (const part of parts) {
      sum.pss += part.pss;
      sum.rss += part.rss;
    }
    for (const part of parts.slice(1)) under.set(part.name, (under.get(part.name) ?? 0) + 1);
    pss.push(sum.pss);
    rss.push(sum.rss);
    if (sum.pss > peak.pss) peak = sum;
    const now = lastCheck();
    if (now !== seen) {
      seen = now;
      checks++;
      lastTicks = cpuTicks(keeper);
      const found = gatewayNodes(root, paths.pm2Home, daemon);
      for (const line of found) nodes.add(line);
      mostNodes = Math.max(mostNodes, found.length);
    }
    await sleep(SAMPLE_MS);
  }
  if (checks < 2) throw new Error(`the keeper checked ${checks} times in ${WINDOW_S} s`);
  const hz = ticksPerSecond();
  const cpuPerCheck = (((lastTicks - firstTicks) / hz) * 1000) / checks;
  const medianPss = mibOf(median(pss));
  const peakPss = mibOf(peak.pss);
  const daemonMemory = memoryOf(daemon);
  const row = (figure: string, unit: string, value: number, target: string, ok: boolean): KeeperRow => ({
    figure,
    unit,
    gateMqttMs: value,
    anchor: '(absolute)',
    anchorMs: null,
    ratio: null,
    target,
    ok,
  });
  const whole = 'the keeper with its children (sh and what runs under it), PSS';
  const rows = [
    row(
      `${whole}, median over ${pss.length} samples`,
      'MiB',
      medianPss,
      `<= ${TARGET_MIB} MiB`,
      medianPss <= TARGET_MIB,
    ),
    row(`${whole}, peak`, 'MiB', peakPss, `<= ${TARGET_MIB} MiB`, peakPss <= TARGET_MIB),
    row(
      `the keeper's CPU per check, its reaped children included (${checks} checks, 1 s apart)`,
      'CPU-ms',
      +cpuPerCheck.toFixed(1),
      `<= ${TARGET_CPU_MS} CPU-ms`,
      cpuPerCheck <= TARGET_CPU_MS,
    ),
    row("resident node processes of the gateway besides pm2's daemon", 'count', mostNodes, '0', mostNodes === 0),
  ];
  const notes = [
    `keeper memory: sampled every ${SAMPLE_MS} ms for ${WINDOW_S} s (${pss.length} samples), the sum over its ` +
      `process tree from /proc/PID/smaps_rollup; PSS median ${medianPss} MiB, peak ${peakPss} MiB ` +
      `(${peak.names}); RSS median ${mibOf(median(rss))} MiB, peak ${mibOf(Math.max(...rss))} MiB ` +
      `(RSS counts shared libc and library pages whole in each process); samples with a child: ` +
      `${[...under].map(([name, count]) => `${name} ${count}`).join(', ')}. ` +
      `pm2's daemon beside it: PSS ${mibOf(daemonMemory?.pss ?? 0)} MiB, RSS ${mibOf(daemonMemory?.rss ?? 0)} MiB`,
    `keeper CPU: ${lastTicks - firstTicks} ticks (CLK_TCK ${hz}) of utime+stime+cutime+cstime of its sh over ` +
      `${checks} checks (its state file's check= changing) = ${cpuPerCheck.toFixed(1)} CPU-ms a check`,
    ...[...nodes].map((line) => `node process of the gateway besides pm2's daemon: ${line}`),
  ];
  return { rows, notes };
}

// Alone: a gateway of its own, its rows printed, the gateway removed.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmb-'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8' };
  try {
    const cli = [path.join(project, 'bin', 'gate-mqtt.js'), 'provision', '--root', root, '--port'];
    const provision = await measure(process.execPath, [...cli, String(await freePort())], {
      ...env,
      GATE_MQTT_KEEPER_SECONDS: '1',
    });
    if (provision.code !== 0) throw new Error(`the provision exited ${provision.code}`);
    const { rows, notes } = await keeperFootprint(root);
    for (const r of rows) console.log(`${r.figure}: ${r.gateMqttMs} ${r.unit} (target ${r.target}, met: ${r.ok})`);
    for (const line of notes) console.log(`\n${line}`);
  } finally {
    const pm2Home = buildPaths(root, DEFAULT_PREFIX).pm2Home;
    spawnSync(process.execPath, [bundledPm2Script(), 'kill'], { env: { ...env, PM2_HOME: pm2Home }, stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  }
}
