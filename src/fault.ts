/**
 * Crash points for the interruption tests: when GATE_MQTT_CRASH_AT names this point, the process kills
 * itself with SIGKILL right there, as a power cut would. Nothing else reads it; unset, it costs a lookup.
 */
export function crashPoint(name: string): void {
  if (process.env.GATE_MQTT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
