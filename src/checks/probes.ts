import { quote } from 'zx';
import type { GatewayPaths } from '../platform/profile.js';

/**
 * The shell scripts the doctor runs on the device (POSIX sh: Termux's, Debian's, or a remote one).
 * Every value is quoted by zx; each script prints plain `key=value` lines or raw data a judge parses.
 */

export function mosquittoProbe(candidates: string[]): string {
  return [
    `for c in ${candidates.map(quote).join(' ')}; do if [ -x "$c" ]; then echo "path=$c"; "$c" -h 2>&1 | head -n 1; exit 0; fi; done`,
    'c=$(command -v mosquitto) && { echo "path=$c"; "$c" -h 2>&1 | head -n 1; exit 0; }',
    'exit 1',
  ].join('\n');
}

export function configProbe(file: string): string {
  return `f=${quote(file)}\nif [ -f "$f" ]; then echo "mode=$(stat -c %a "$f")"; base64 < "$f"; else echo missing; exit 1; fi`;
}

export function pm2Probe(paths: GatewayPaths, node: string, script: string): string {
  return [
    `h=${quote(paths.pm2Home)}`,
    'echo "now=$(date +%s)"',
    `if [ -f "$h/pm2.pid" ] && kill -0 "$(cat "$h/pm2.pid")" 2>/dev/null; then PM2_HOME="$h" ${quote(node)} ${quote(script)} jlist; else echo no-daemon; fi`,
  ].join('\n');
}

export function startupProbe(paths: GatewayPaths): string {
  return [
    `hook=${quote(paths.bootHook)}; dump=${quote(`${paths.pm2Home}/dump.pm2`)}`,
    'if [ -x "$hook" ]; then echo hook=exec; elif [ -e "$hook" ]; then echo hook=noexec; else echo hook=missing; fi',
    'if [ -f "$dump" ]; then echo dump=present; base64 < "$dump"; else echo dump=missing; fi',
  ].join('\n');
}

function clientArgs(host: string, port: number): string {
  return `-h ${quote(host)} -p ${quote(String(port))}`;
}

export function listeningProbe(host: string, port: number): string {
  return `command -v mosquitto_sub >/dev/null || { echo no-client; exit 127; }\nmosquitto_sub ${clientArgs(host, port)} -t '$SYS/broker/version' -C 1 -W 3`;
}

export function roundTripProbe(host: string, port: number, topic: string, payload: string): string {
  const args = clientArgs(host, port);
  const t = quote(topic);
  // A retained message needs no race between subscribing and publishing; it is cleared afterwards.
  return [
    'command -v mosquitto_pub >/dev/null || { echo no-client; exit 127; }',
    `mosquitto_pub ${args} -q 1 -r -t ${t} -m ${quote(payload)} || exit $?`,
    `out=$(mosquitto_sub ${args} -q 1 -t ${t} -C 1 -W 5 2>&1); rc=$?`,
    `mosquitto_pub ${args} -q 1 -r -n -t ${t}`,
    'echo "got=$out"; exit $rc',
  ].join('\n');
}

export function bridgeStateProbe(host: string, port: number, count: number, log: string): string {
  return [
    `mosquitto_sub ${clientArgs(host, port)} -v -t '$SYS/broker/connection/+/state' -C ${count} -W 3`,
    'echo "--log--"',
    `tail -n 400 ${quote(log)} 2>/dev/null | grep -i -E 'bridge|connecting|socket error' | tail -n 20`,
    'exit 0',
  ].join('\n');
}

export function diskProbe(prefix: string): string {
  return `df -Pk ${quote(prefix)} | tail -n 1`;
}

export function logProbe(log: string): string {
  return `echo "now=$(date +%s)"\ntail -n 300 ${quote(log)} 2>/dev/null | grep -E 'Error|error:' | tail -n 5\nexit 0`;
}
