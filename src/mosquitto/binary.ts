import { access, constants } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
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
 * `mosquitto -h` prints "mosquitto version 2.0.11" (and exits 3); only MAJOR.MINOR[.PATCH] is kept (a
 * build suffix, if any, is not part of the version compared with the floor; see run/versions.ts).
 */
export function parseMosquittoVersion(output: string): string | undefined {
  const match = /mosquitto version v?(\d+\.\d+(?:\.\d+)?)/.exec(output);
  return match?.[1];
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
  if (result.timedOut || result.startError)
    throw failed(
      describeFailure(describeCommand(command), result, timeoutMs),
      t('reinstall it: pkg reinstall mosquitto (or gate-mqtt provision --packages DIR)'),
    );
  return parseMosquittoVersion(`${result.stdout}\n${result.stderr}`);
}
