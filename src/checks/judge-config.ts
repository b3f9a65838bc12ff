import { analyzeText, decodeConfig } from '../config/load.js';
import { anonymousListeners, formatIssue, isLoopback, type ConfModel } from '../config/model.js';
import { holdsSecret } from '../config/redact.js';
import { meetsFloor, MOSQUITTO_FLOOR, parseMosquittoVersion } from '../mosquitto/binary.js';
import { fail, pass, warn, type CheckOutcome, type ProbeOutput } from './types.js';

export function judgeMosquittoInstalled(out: ProbeOutput): CheckOutcome {
  const path = /^path=(.+)$/m.exec(out.output)?.[1];
  if (out.exitCode === 0 && path) return pass('mosquitto.installed', path);
  return fail('mosquitto.installed', 'mosquitto is not installed', 'run: gate-mqtt provision (or: pkg install mosquitto)');
}

export function judgeMosquittoVersion(out: ProbeOutput): CheckOutcome {
  const version = parseMosquittoVersion(out.output);
  if (!version) return fail('mosquitto.version', 'cannot read the mosquitto version', 'reinstall it: pkg reinstall mosquitto');
  if (!meetsFloor(version)) return fail('mosquitto.version', `${version} is older than ${MOSQUITTO_FLOOR}`, 'upgrade it: pkg upgrade mosquitto');
  return pass('mosquitto.version', `${version} (floor ${MOSQUITTO_FLOOR})`);
}

export type ConfigFacts = { state: 'missing' } | { state: 'unreadable'; reason: string } | { state: 'read'; mode: number; text: string; model: ConfModel };

/** Decodes the config probe: a mode line, then the file in base64 (binary-safe through any pty). */
export function configFacts(out: ProbeOutput, file: string): ConfigFacts {
  if (out.exitCode !== 0 && /^missing$/m.test(out.output)) return { state: 'missing' };
  const mode = /^mode=([0-7]+)$/m.exec(out.output)?.[1];
  if (out.exitCode !== 0 || !mode) return { state: 'unreadable', reason: out.timedOut ? 'timed out' : out.output.trim().split('\n').pop() ?? 'unreadable' };
  const base64 = out.output.split('\n').filter((l) => !l.startsWith('mode=')).join('');
  const decoded = decodeConfig(Buffer.from(base64, 'base64'));
  if (!decoded.ok) return { state: 'unreadable', reason: decoded.message };
  return { state: 'read', mode: parseInt(mode, 8), text: decoded.text, model: analyzeText(decoded.text, file) };
}

export function judgeConfigPresent(facts: ConfigFacts, file: string): CheckOutcome {
  if (facts.state === 'missing') return fail('config.present', `${file} does not exist`, 'run: gate-mqtt doctor --fix (writes the factory config)');
  return pass('config.present', file);
}

export function judgeConfigValid(facts: ConfigFacts, file: string): CheckOutcome {
  if (facts.state === 'missing') return fail('config.valid', 'no config to check', 'run: gate-mqtt doctor --fix');
  if (facts.state === 'unreadable') return fail('config.valid', `${file}: ${facts.reason}`, 'restore a backup (gate-mqtt config restore) or reset (gate-mqtt reset)');
  const errors = facts.model.issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    return fail('config.valid', `${formatIssue(errors[0]!)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, 'fix that line with gate-mqtt config edit, or restore a backup: gate-mqtt config restore');
  }
  const includes = facts.model.includeDirs.length ? `; include_dir not followed here: run gate-mqtt config validate on the device` : '';
  return pass('config.valid', `${facts.model.listeners.length} listener(s), ${facts.model.bridges.length} bridge(s)${includes}`);
}

export function judgeConfigSecurity(facts: ConfigFacts): CheckOutcome {
  if (facts.state !== 'read') return warn('config.security', 'no readable config to check', 'see config.valid');
  if (holdsSecret(facts.text) && (facts.mode & 0o077) !== 0) {
    return fail('config.security', `the config holds a password but its mode is ${facts.mode.toString(8)}: other apps can read it`, 'run: chmod 600 on the config (gate-mqtt writes it 0600)');
  }
  const open = anonymousListeners(facts.model).filter((l) => !isLoopback(l.bind));
  if (open.length) {
    const where = open.map((l) => `${l.bind ?? '0.0.0.0'}:${l.port}`).join(', ');
    return warn(
      'config.security',
      `anonymous clients are allowed on ${where}: anyone on this network can read and send every message (the factory default, meant for a trusted home LAN)`,
      'keep the gateway off untrusted networks and never forward this port on the router; to require passwords: gate-mqtt provision --auth on a factory config, or allow_anonymous false with a password_file (gate-mqtt config edit)',
    );
  }
  return pass('config.security', 'no anonymous listener reachable from the network');
}
