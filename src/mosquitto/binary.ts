import { access, constants } from 'node:fs/promises';
import semver from 'semver';
import { failed } from '../errors.js';
import type { Profile } from '../platform/profile.js';
import { type Command, describeCommand, describeFailure, type Runner } from '../run/runner.js';

/** The oldest broker we run: 2.0 brought the listener/anonymous defaults this tool is built around. */
export const MOSQUITTO_FLOOR = '2.0.0';

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findMosquitto(profile: Profile): Promise<string | undefined> {
  for (const candidate of profile.mosquittoCandidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * `mosquitto -h` prints "mosquitto version 2.0.11" (and exits 3). Debian's "2.0.11-1.2+deb12u2" is a
 * prerelease to semver, so versions are coerced before they are compared.
 */
export function parseMosquittoVersion(output: string): string | undefined {
  const match = /mosquitto version (\S+)/.exec(output);
  if (!match?.[1]) return undefined;
  return semver.coerce(match[1])?.version;
}

export function meetsFloor(version: string, floor = MOSQUITTO_FLOOR): boolean {
  const coerced = semver.coerce(version);
  return coerced !== null && semver.gte(coerced, floor);
}

const VERSION_TIMEOUT_MS = 10_000;

/** The broker's version from `mosquitto -h`; a program that does not answer in time is a timeout, said as one. */
export async function mosquittoVersion(
  runner: Runner,
  binary: string,
  timeoutMs = VERSION_TIMEOUT_MS,
): Promise<string | undefined> {
  const command: Command = [binary, ['-h']];
  const result = await runner.run(command, { timeoutMs });
  if (result.timedOut || result.startError) throw failed(describeFailure(describeCommand(command), result, timeoutMs));
  return parseMosquittoVersion(`${result.stdout}\n${result.stderr}`);
}
