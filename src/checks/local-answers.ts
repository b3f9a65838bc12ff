import { openToRead } from '../fsx/read.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { cachedVersion, fingerprint } from '../mosquitto/version-cache.js';
import { localAddressesAnswer } from '../network/read-addresses.js';
import type { Profile } from '../platform/profile.js';
import type { ProbeOutput } from './check.js';

const answered = (output: string, exitCode = 0): ProbeOutput => ({ output, exitCode, timedOut: false, ms: 0 });

/** The config probe's answer, read here: "mode=NNN" and the file in base64, or "missing". */
async function configAnswer(file: string): Promise<ProbeOutput> {
  try {
    const handle = await openToRead(file); // never through a link planted at its name
    if (!handle) return answered('missing\n', 1);
    try {
      const [info, bytes] = await Promise.all([handle.stat(), handle.readFile()]);
      return answered(`mode=${(info.mode & 0o777).toString(8)}\n${bytes.toString('base64')}\n`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return answered(`${code ?? (error as Error).message}\n`, 1);
  }
}

/** The broker binary and its version when this very build is in the version cache; else the probe asks. */
async function mosquittoAnswer(profile: Profile): Promise<ProbeOutput | undefined> {
  const binary = await findMosquitto(profile);
  const print = binary ? await fingerprint(binary) : undefined;
  const version = binary && print ? await cachedVersion(profile.paths.versionCache, binary, print) : undefined;
  return binary && version ? answered(`path=${binary}\nmosquitto version ${version}\n`) : undefined;
}

/**
 * On the device itself, what a file read or a socket answers is read here instead of through the pty:
 * the config, pm2's process list (over its RPC socket, no node started to ask) and a cached broker
 * version. The checks then know the listener before the first probe goes out, so one pty round trip
 * carries every other probe.
 */
export async function localAnswers(
  profile: Profile,
  pm2List: () => Promise<string>,
): Promise<Record<string, ProbeOutput>> {
  const [config, pm2, mosquitto] = await Promise.all([
    configAnswer(profile.paths.configFile),
    pm2List().then(
      (output) => answered(output),
      (error: Error) => answered(`rpc-error=${error.message}\n`),
    ),
    mosquittoAnswer(profile),
  ]);
  const addresses = localAddressesAnswer();
  return { config, pm2, ...(mosquitto ? { mosquitto } : {}), ...(addresses ? { addresses: answered(addresses) } : {}) };
}
