import { appendFileSync, existsSync } from 'node:fs';

/**
 * Test hooks at named points of a run: `before:`/`after:` a step id, a device change (`rename:FILE`
 * before a written file takes its name, `unlink:FILE`, `chmod:FILE`, `rotate:FILE`, `backup:REASON`),
 * a pm2 change (`pm2:delete:NAME`, `pm2:start:NAME`, `pm2:restart:NAME`, `pm2:stop:NAME`), a program that
 * changes the device (`run:PROGRAM`), a command (`command:NAME`). A point met again in one run is
 * NAME#2, NAME#3…; NAME alone is its first time. Nothing else reads these variables; unset, a point
 * costs three lookups.
 *
 * GATE_MQTT_CRASH_AT: the process kills itself with SIGKILL right there, as a power cut would.
 * GATE_MQTT_BUG_AT: a TypeError is thrown right there, as a bug of ours would (exit 70, the stack logged).
 * GATE_MQTT_CRASH_RECORD=FILE: every point met is appended to FILE (the crash walk lists them this way).
 */
const met = new Map<string, number>(); // how often each point was met in this run (test hooks only)

/** A run starts counting afresh (the CLI's main() runs once per process, but a test may run it several times). */
export function newRun(): void {
  met.clear();
}

export function crashPoint(name: string): void {
  const { GATE_MQTT_CRASH_AT: crash, GATE_MQTT_BUG_AT: bug, GATE_MQTT_CRASH_RECORD: record } = process.env;
  if (!crash && !bug && !record) return;
  const count = (met.get(name) ?? 0) + 1;
  met.set(name, count);
  const id = `${name}#${count}`;
  const here = (asked: string | undefined) => asked === id || (count === 1 && asked === name);
  if (record) appendFileSync(record, `${id}\n`);
  if (here(crash)) process.kill(process.pid, 'SIGKILL');
  if (here(bug)) throw new TypeError(`a bug planted at ${name} (GATE_MQTT_BUG_AT)`);
}

/**
 * GATE_MQTT_PAUSE_AT (with GATE_MQTT_PAUSE_UNTIL=FILE): the run waits right there until FILE exists (at
 * most a minute), so a test can act while a run provably holds a point, such as the lock.
 */
export async function pausePoint(name: string): Promise<void> {
  const until = process.env.GATE_MQTT_PAUSE_UNTIL;
  if (process.env.GATE_MQTT_PAUSE_AT !== name || !until) return;
  const deadline = Date.now() + 60_000;
  while (!existsSync(until) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
