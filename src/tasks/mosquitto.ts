import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { unsupported } from '../errors.js';
import { writeFileAtomic } from '../fsx/atomic-write.js';
import { readText } from '../fsx/device-files.js';
import { findMosquitto, meetsFloor, MOSQUITTO_FLOOR, mosquittoVersion } from '../mosquitto/binary.js';
import type { Command } from '../run/runner.js';
import { done, type Step } from '../ui/steps.js';
import type { RunState } from './state.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;
/** Unattended: never stop at dpkg's conffile question (it waits forever without a TTY); keep the local file. */
const APT_UNATTENDED = ['-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

function installCommands(ctx: Context): Command[] {
  if (ctx.profile.kind === 'termux') {
    const aptGet = path.join(ctx.profile.paths.bin, 'apt-get');
    return [
      [aptGet, ['update']],
      [aptGet, ['install', ...APT_UNATTENDED, 'mosquitto']],
    ];
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw unsupported('mosquitto is not installed and this sandbox cannot install it (needs root and apt-get)', 'install it yourself: sudo apt-get install mosquitto mosquitto-clients');
  }
  return [['/usr/bin/apt-get', ['install', ...APT_UNATTENDED, 'mosquitto', 'mosquitto-clients']]];
}

/**
 * Installs mosquitto. The gateway's package declares no conffiles, so an upgrade may replace
 * mosquitto.conf silently: the file is kept aside in memory and put back if the package touched it.
 */
async function install(ctx: Context): Promise<string> {
  const commands = installCommands(ctx);
  const configFile = ctx.profile.paths.configFile;
  const before = await readText(configFile);
  const env = { ...ctx.profile.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const command of commands) {
    try {
      await ctx.runner.check(command, { env, timeoutMs: INSTALL_TIMEOUT_MS, mutates: true });
    } catch (error) {
      // No package, no network, a broken package manager: there is no way to get the broker (exit 4).
      throw unsupported(`could not install mosquitto: ${error instanceof Error ? error.message : String(error)}`, 'check the network and the package sources, then: pkg install mosquitto');
    }
  }
  if (!ctx.dryRun && before !== undefined && (await readText(configFile)) !== before) {
    await writeFileAtomic(configFile, before, { mode: 0o600 });
    return 'installed (the package replaced mosquitto.conf; the previous file was put back)';
  }
  return 'installed';
}

export function mosquittoSteps(ctx: Context, state: RunState): Step[] {
  return [
    {
      id: 'mosquitto.install',
      title: 'mosquitto installed',
      run: async () => {
        const found = await findMosquitto(ctx.profile);
        if (found) {
          state.mosquitto = found;
          return done(`found ${found}`);
        }
        const what = await install(ctx);
        if (ctx.dryRun) {
          state.mosquitto = ctx.profile.mosquittoCandidates[0];
          return done(`dry-run: would install mosquitto`, true);
        }
        state.mosquitto = await findMosquitto(ctx.profile);
        if (!state.mosquitto) throw unsupported(`mosquitto was installed but is not at ${ctx.profile.mosquittoCandidates.join(' or ')}`, 'install it by hand and run again');
        return done(`${what}: ${state.mosquitto}`, true);
      },
    },
    {
      id: 'mosquitto.version',
      title: 'mosquitto version',
      run: async () => {
        const binary = state.mosquitto;
        if (!binary || !existsSync(binary)) return { changed: false, detail: 'dry-run: not installed yet', skipped: true };
        const version = await mosquittoVersion(ctx.runner, binary);
        if (!version) throw unsupported(`cannot read the version of ${binary} (mosquitto -h)`, 'reinstall mosquitto');
        if (!meetsFloor(version)) throw unsupported(`mosquitto ${version} is older than ${MOSQUITTO_FLOOR}`, 'upgrade it: pkg upgrade mosquitto');
        state.mosquittoVersion = version;
        return done(`${version} (floor ${MOSQUITTO_FLOOR})`);
      },
    },
  ];
}
