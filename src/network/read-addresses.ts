import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { t } from '../i18n/translate.js';
import type { Runner } from '../run/runner.js';
import { type AddressList, type AddressSources, interpretSources } from './interfaces.js';

type SourceName = keyof AddressSources['errors'];
const TIMEOUT_MS = 5000;

/** Why a program or file did not answer, in one short line. */
const firstLine = (text: string) => text.trim().split('\n').pop()?.slice(0, 200) ?? '';

/**
 * The addresses of this machine: getifaddrs through Node when Android allows it, else the system's
 * `ip`, else /proc/net/if_inet6 (IPv6) and `ifconfig` (IPv4, an ioctl that Android still answers).
 * No root is needed for any of them.
 */
export async function readLocalAddresses(runner: Runner, toolPath: string): Promise<AddressList> {
  const sources: AddressSources = { errors: {} };
  try {
    sources.node = JSON.stringify(os.networkInterfaces());
    return interpretSources(sources);
  } catch (error) {
    sources.errors.node = (error as Error).message;
  }
  const env = { ...runner.env, PATH: toolPath };
  const program = async (name: SourceName, file: string, args: string[]) => {
    const result = await runner.run([file, args], { env, timeoutMs: TIMEOUT_MS });
    if (result.exitCode === 0) sources[name] = result.stdout;
    else if (result.timedOut)
      sources.errors[name] = t('{{program}} timed out after {{ms}} ms', { program: file, ms: TIMEOUT_MS });
    else {
      const exit = t('exit {{code}}', { code: String(result.exitCode) });
      sources.errors[name] = `${file}: ${firstLine(result.stderr || result.stdout) || result.startError || exit}`;
    }
  };
  await program('ip', 'ip', ['-o', 'addr', 'show']);
  if (sources.ip === undefined) {
    await Promise.all([
      readFile('/proc/net/if_inet6', 'utf8').then(
        (text) => {
          sources.ifInet6 = text;
        },
        (error: NodeJS.ErrnoException) => {
          sources.errors.ifInet6 = `/proc/net/if_inet6: ${error.code ?? error.message}`;
        },
      ),
      program('ifconfig', 'ifconfig', ['-a']),
    ]);
  }
  return interpretSources(sources);
}

const SECTIONS: Array<[SourceName, string]> = [
  ['ip', 'ip -o addr show'],
  ['ifInet6', 'cat /proc/net/if_inet6'],
  ['ifconfig', 'ifconfig -a'],
];

/**
 * The same reading on a device over the pty, as one POSIX sh probe: each way's output under
 * "== NAME STATUS". Android keeps ip and ifconfig in /system/bin, outside Termux's PATH.
 */
export function addressesProbe(): string {
  return [
    'PATH="$PATH:/system/bin:/system/xbin:/usr/sbin:/sbin"',
    ...SECTIONS.map(([name, command]) => `out=$(${command} 2>&1); echo "== ${name} $?"; printf '%s\\n' "$out"`),
  ].join('\n');
}

/** The probe's answer from this very machine when getifaddrs works here (no program started). */
export function localAddressesAnswer(): string | undefined {
  try {
    return `== node 0\n${JSON.stringify(os.networkInterfaces())}\n`;
  } catch {
    return undefined; // Android refuses getifaddrs to this app: the probe's programs answer instead
  }
}

/** Reads the probe's output back into the sources it printed. */
export function parseAddressesProbe(output: string): AddressList {
  const sources: AddressSources = { errors: {} };
  const parts = output.split(/^== (\w+) (\d+)\r?$/m);
  for (let i = 1; i + 2 <= parts.length; i += 3) {
    const name = parts[i] as SourceName;
    const text = (parts[i + 2] ?? '').replace(/^\r?\n/, '');
    const how = name === 'node' ? 'getifaddrs' : SECTIONS.find(([known]) => known === name)?.[1];
    if (!how) continue;
    if (parts[i + 1] === '0') sources[name] = text;
    else sources.errors[name] = `${how}: ${firstLine(text) || t('exit {{code}}', { code: parts[i + 1] ?? '' })}`;
  }
  return interpretSources(sources);
}
