import { quote } from 'zx';
import { localTarget } from '../config/listener-target.js';
import { analyzeText, decodeConfig } from '../config/load.js';
import type { ConfModel } from '../config/model.js';
import { type CheckEnv, type CheckOutcome, type OutcomeId, type ProbeOutput, warn } from './check.js';

/**
 * Probes that several checks read (each runs once per doctor run: the prober caches by key). The probe
 * scripts are POSIX sh for Termux's, Debian's or a remote shell; every value in them is quoted by zx.
 */

export function mosquittoProbe(candidates: string[]): string {
  return [
    `for c in ${candidates.map(quote).join(' ')}; do`,
    '  if [ -x "$c" ]; then echo "path=$c"; "$c" -h 2>&1 | head -n 1; exit 0; fi',
    'done',
    'c=$(command -v mosquitto) && { echo "path=$c"; "$c" -h 2>&1 | head -n 1; exit 0; }',
    'exit 1',
  ].join('\n');
}

export function probeMosquitto(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('mosquitto', mosquittoProbe(env.profile.mosquittoCandidates));
}

/** The config's mode, then the file in base64 (binary-safe through any pty). */
export function configProbe(file: string): string {
  return [
    `f=${quote(file)}`,
    'if [ -f "$f" ]; then echo "mode=$(stat -c %a "$f")"; base64 < "$f"; else echo missing; exit 1; fi',
  ].join('\n');
}

export type ConfigFacts =
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string }
  | { state: 'read'; mode: number; text: string; model: ConfModel };

/** Decodes the config probe's output. */
export function configFacts(out: ProbeOutput, file: string): ConfigFacts {
  if (out.exitCode !== 0 && /^missing$/m.test(out.output)) return { state: 'missing' };
  const mode = /^mode=([0-7]+)$/m.exec(out.output)?.[1];
  if (out.exitCode !== 0 || !mode) {
    const last = out.output.trim().split('\n').pop();
    return { state: 'unreadable', reason: out.timedOut ? 'timed out' : last || 'unreadable' };
  }
  const base64 = out.output
    .split('\n')
    .filter((l) => !l.startsWith('mode='))
    .join('');
  const decoded = decodeConfig(Buffer.from(base64, 'base64'));
  if (!decoded.ok) return { state: 'unreadable', reason: decoded.message };
  return { state: 'read', mode: parseInt(mode, 8), text: decoded.text, model: analyzeText(decoded.text, file) };
}

export async function readConfig(env: CheckEnv): Promise<ConfigFacts> {
  const file = env.profile.paths.configFile;
  return configFacts(await env.prober.probe('config', configProbe(file)), file);
}

/** Where the broker answers on the device, from its config; undefined when no config tells. */
export async function brokerTarget(env: CheckEnv): Promise<{ host: string; port: number } | undefined> {
  const facts = await readConfig(env);
  return facts.state === 'read' ? localTarget(facts.model, 1883) : undefined;
}

export function noTarget(id: OutcomeId): CheckOutcome {
  return warn(id, 'skipped: no readable config tells the listener port', 'see config.present and config.valid');
}

/** `-h HOST -p PORT` for mosquitto_pub/sub. */
export function clientArgs(host: string, port: number): string {
  return `-h ${quote(host)} -p ${quote(String(port))}`;
}

export const NO_CLIENT = 'command -v mosquitto_sub >/dev/null || { echo no-client; exit 127; }';

export function pm2Probe(pm2: { node: string; script: string; home: string; pidFile: string }): string {
  return [
    `h=${quote(pm2.home)}; p=${quote(pm2.pidFile)}`,
    'echo "now=$(date +%s)"',
    'if [ -f "$p" ] && kill -0 "$(cat "$p")" 2>/dev/null; then',
    `  PM2_HOME="$h" ${quote(pm2.node)} ${quote(pm2.script)} jlist`,
    'else echo no-daemon; fi',
  ].join('\n');
}

/** pm2's process list on the device (read once: pm2.process and broker.orphan share it). */
export function probePm2(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('pm2', pm2Probe(env.profile.pm2), 30_000);
}
