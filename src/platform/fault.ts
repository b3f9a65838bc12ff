import { existsSync } from 'node:fs';

/**
 * Test hooks at named points of a run (before:/after: a step id, rename: a file name, command: a
 * command's name). Nothing else reads these variables; unset, each costs a lookup.
 *
 * GATE_MQTT_CRASH_AT: the process kills itself with SIGKILL right there, as a power cut would.
 * GATE_MQTT_BUG_AT: a TypeError is thrown right there, as a bug of ours would (exit 70, the stack logged).
 */
export function crashPoint(name: string): void {
  if (process.env.GATE_MQTT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
  if (process.env.GATE_MQTT_BUG_AT === name) throw new TypeError(`a bug planted at ${name} (GATE_MQTT_BUG_AT)`);
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
