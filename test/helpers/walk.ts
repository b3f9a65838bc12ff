import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { roundTrip } from './mqtt.js';
import { CLI, cleanEnv, type Sandbox, sandbox, waitFor } from './sandbox.js';

/**
 * The crash walk: a command is run once as it should go, recording every crash point it meets (every
 * step boundary, device write, removal, pm2 change, program that changes the device). Then, on a fresh
 * gateway each time, it is killed with SIGKILL at each of those points and run again: the second run
 * must end with the gateway as the command wants it, nothing lost. Seeded random kills come on top.
 */

/** How a command is run on a prepared gateway, and what the gateway must look like when it is done. */
export interface WalkRun {
  args: string[];
  input?: string;
  env?: Record<string, string>;
  /** Run on a terminal (util-linux script): config edit asks for one. */
  terminal?: boolean;
  /** The config the command ends with, byte for byte; undefined: no config (uninstall --purge). */
  config: string | undefined;
  /** mqtt online under pm2 and answering (false: given up, out of pm2 and its dump). */
  serving: boolean;
  /** The round trip logs in (a config that refuses anonymous clients: access set login). */
  login?: { username: string; password: string };
  /** The package version recorded at the end (upgrade). */
  version?: string;
  /** The steps of the command's pipeline (from src/pipelines/catalog.ts): each must be met. */
  steps: string[];
  /** What else must hold at the end (a scenario's own files: a database set aside, never lost). */
  check?(box: Sandbox, where: string): void;
}

export interface Scenario {
  name: string;
  /** Brings a fresh gateway to the state the command starts from. */
  prepare(t: TestContext, box: Sandbox): Promise<WalkRun>;
}

export interface Ran {
  code: number | null;
  output: string;
  ms: number;
}

/** The CLI of this gateway, as the test started it (found in /proc by its --root). */
function cliPids(root: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv.includes(CLI) && argv.includes(root)) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Runs the command (GATE_MQTT_* hooks in `extra`); with `killAfterMs`, SIGKILLs the CLI that long after. */
export function execute(box: Sandbox, run: WalkRun, extra: Record<string, string> = {}, killAfterMs?: number) {
  const tmp = path.join(box.root, 'tmp'); // a trial broker's scratch files below the root: torn down with it
  mkdirSync(tmp, { recursive: true });
  const env = cleanEnv({ ...run.env, TMPDIR: tmp, ...extra });
  const args = [...run.args, '--root', box.root];
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const [file, argv] = run.terminal
    ? ['script', ['-qec', `stty cols 120 rows 40; ${quoted}`, '/dev/null']]
    : [process.execPath, [CLI, ...args]];
  const started = Date.now();
  return new Promise<Ran>((resolve) => {
    const child = spawn(file, argv as string[], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            for (const pid of cliPids(box.root)) process.kill(pid, 'SIGKILL');
          }, killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // script reports its child killed by SIGKILL as 137
      const killed = signal === 'SIGKILL' || (run.terminal && code === 137);
      resolve({ code: killed ? null : code, output, ms: Date.now() - started });
    });
    child.stdin.end(run.input ?? '');
  });
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Processes running mosquitto on this gateway's config (under pm2 or not). */
function brokersOf(configFile: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.[0];
      const at = argv.indexOf('-c');
      if (state !== 'Z' && path.basename(argv[0] ?? '') === 'mosquitto' && argv[at + 1] === configFile)
        pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Whether a live process holds the run lock (a killed run's is stale: the next run takes it over). */
function lockHeld(file: string): boolean {
  if (!existsSync(file)) return false;
  const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Temp files a writer leaves only when killed, in the folders gate-mqtt writes. */
function tempFiles(box: Sandbox): string[] {
  const folders = [box.paths.etcMosquitto, box.paths.stateDir, box.paths.bootDir, box.paths.bin, box.paths.pm2Home];
  return folders.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.tmp'))
          .map((name) => path.join(dir, name))
      : [],
  );
}

/** Every finished backup holds what its manifest says, byte for byte. */
function backupsIntact(box: Sandbox): void {
  const dir = box.paths.backupDir;
  if (!existsSync(dir)) return;
  for (const id of readdirSync(dir).filter((name) => !name.startsWith('.'))) {
    const manifest = JSON.parse(readFileSync(path.join(dir, id, 'manifest.json'), 'utf8')) as {
      entries: Array<{ stored: string; sha256: string }>;
    };
    for (const entry of manifest.entries)
      assert.equal(
        sha256(readFileSync(path.join(dir, id, entry.stored))),
        entry.sha256,
        `backup ${id}: ${entry.stored}`,
      );
  }
}

/** The gateway as the command wants it: nothing half done, the broker serving (or given up), records whole. */
export async function assertWanted(box: Sandbox, run: WalkRun, where: string): Promise<void> {
  const config = box.paths.configFile;
  if (run.config === undefined) assert.equal(existsSync(config), false, `${where}: no config`);
  else assert.equal(readFileSync(config, 'utf8'), run.config, `${where}: the config, byte for byte`);
  assert.equal(lockHeld(box.paths.lockFile), false, `${where}: no live run holds the lock`);
  assert.equal(existsSync(path.join(box.paths.stateDir, 'change.json')), false, `${where}: no change left under way`);
  assert.deepEqual(tempFiles(box), [], `${where}: no temp files`);
  backupsIntact(box);
  const dump = path.join(box.paths.pm2Home, 'dump.pm2');
  const saved = existsSync(dump) ? (JSON.parse(readFileSync(dump, 'utf8')) as Array<{ name: string }>) : [];
  if (run.serving) {
    assert.equal(box.mqtt()?.status, 'online', `${where}: mqtt online under pm2`);
    await waitFor(`${where}: exactly one broker`, () => brokersOf(config).length === 1, 5000);
    const port = Number(/^listener (\d+)/m.exec(run.config ?? '')?.[1]);
    const trip = await roundTrip({ host: '127.0.0.1', port, ...run.login });
    assert.equal(trip.ok, true, `${where}: a round trip on ${port}`);
    assert.ok(
      saved.some((p) => p.name === 'mqtt'),
      `${where}: pm2's dump holds mqtt`,
    );
  } else {
    assert.equal(box.mqtt(), undefined, `${where}: mqtt out of pm2`);
    assert.deepEqual(brokersOf(config), [], `${where}: no broker of this gateway runs`);
    assert.ok(!saved.some((p) => p.name === 'mqtt'), `${where}: pm2's dump without mqtt`);
    assert.equal(existsSync(box.paths.bootHook), false, `${where}: no boot hook`);
  }
  if (run.version) {
    const record = JSON.parse(readFileSync(path.join(box.paths.stateDir, 'packages.json'), 'utf8')) as {
      broker: { version: string };
    };
    assert.equal(record.broker.version, run.version, `${where}: the package record`);
  }
  run.check?.(box, where);
}

/** Points worth a kill: every step boundary once (before:X is after: the step before it) and every change. */
export function walkPoints(points: string[]): string[] {
  return points.filter((point) => !point.startsWith('before:') && !point.startsWith('command:'));
}

/** A small seeded generator (mulberry32): the same seed, the same kills. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export const WALK_SEED = Number(process.env.GATE_MQTT_WALK_SEED) || Date.now() % 1_000_000;
const RANDOM_KILLS = Number(process.env.GATE_MQTT_WALK_RANDOM) || 3;

/**
 * The whole walk of one command: the recorded run, a kill at each of its points, then random kills.
 * Each kill gets a fresh gateway; the run after it must exit 0 and leave the gateway as wanted.
 */
export async function walk(t: TestContext, scenario: Scenario, preflight: string[]): Promise<void> {
  const box = await sandbox(t);
  const run = await scenario.prepare(t, box);
  const record = path.join(box.root, 'points.txt');
  const plain = await execute(box, run, { GATE_MQTT_CRASH_RECORD: record });
  assert.equal(plain.code, 0, plain.output);
  await assertWanted(box, run, 'the run as it should go');
  const points = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  // Every step of the command is met (and so walked): a step added to its pipeline is covered by itself.
  for (const id of [...preflight, ...run.steps]) assert.ok(points.includes(`before:${id}#1`), `step ${id} is met`);
  const kills = walkPoints(points);
  t.diagnostic(`${scenario.name}: ${kills.length} crash points (${points.length} met)`);
  const again = async (st: TestContext, where: string, kill: (box: Sandbox, run: WalkRun) => Promise<Ran>) => {
    const fresh = await sandbox(st);
    const wanted = await scenario.prepare(st, fresh);
    const killed = await kill(fresh, wanted);
    const next = await execute(fresh, wanted);
    assert.equal(next.code, 0, `${where}: the next run completes (killed run: ${killed.output})\n${next.output}`);
    await assertWanted(fresh, wanted, where);
  };
  for (const point of kills)
    await t.test(`killed at ${point}`, async (st) =>
      again(st, point, async (b, r) => {
        const killed = await execute(b, r, { GATE_MQTT_CRASH_AT: point });
        assert.equal(killed.code, null, `the run was killed at ${point}: ${killed.output}`);
        return killed;
      }),
    );
  const random = seeded(WALK_SEED + scenario.name.length);
  t.diagnostic(`${scenario.name}: random kills with seed ${WALK_SEED} (GATE_MQTT_WALK_SEED=${WALK_SEED} repeats them)`);
  for (let i = 0; i < RANDOM_KILLS; i++) {
    const at = Math.round(random() * plain.ms);
    await t.test(`killed ${at} ms in (seed ${WALK_SEED})`, async (st) =>
      again(st, `${at} ms`, (b, r) => execute(b, r, {}, at)),
    );
  }
}
