import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readText } from '../fsx/writer.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import type { InstalledPackage, PackageState } from '../model/packages.js';
import type { DebInfo, PackageSet } from './deb.js';
import type { PackageTools } from './tools.js';

export type { InstalledPackage, PackageState } from '../model/packages.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

export const statePath = (ctx: PackageTools) => path.join(ctx.profile.paths.stateDir, 'packages.json');
const keptDir = (ctx: PackageTools) => path.join(ctx.profile.paths.stateDir, 'packages');

export async function readPackageState(ctx: PackageTools): Promise<PackageState | undefined> {
  const text = await readText(statePath(ctx));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PackageState;
  } catch {
    return undefined; // a damaged record only loses the way back; the next install writes it again
  }
}

/**
 * Where a file of a package goes in a sandbox prefix: programs to bin, shared libraries to lib (the
 * profile's LD_LIBRARY_PATH), etc as it is (a package's own mosquitto.conf lands there, as on a device,
 * and is put back by the caller). Documentation, init scripts and units are not needed.
 */
export function prefixTarget(relative: string): string | undefined {
  const parts = relative.split('/');
  if (['bin', 'sbin'].includes(parts.at(-2) ?? '') && ['usr', undefined].includes(parts.at(-3)))
    return path.join('bin', parts.at(-1)!);
  if (parts[0] === 'etc' && parts[1] === 'mosquitto') return relative;
  if ((parts[0] === 'usr' || parts[0] === 'lib') && parts.includes('lib') && /\.so(\.\d+)*$/.test(parts.at(-1)!))
    return path.join('lib', parts.at(-1)!);
  return undefined;
}

async function filesBelow(dir: string, base = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesBelow(full, base)));
    else found.push(path.relative(base, full));
  }
  return found;
}

/** A sandbox has no dpkg database of its own: the package is unpacked and its files placed in the prefix. */
async function unpackIntoPrefix(ctx: PackageTools, deb: DebInfo): Promise<void> {
  const { dpkgDeb } = ctx.profile.packages.dpkg;
  await ctx.writer.ensureDir(ctx.profile.paths.tmpDir);
  const stage = await mkdtemp(path.join(ctx.profile.paths.tmpDir, 'unpack-'));
  try {
    await ctx.runner.check([dpkgDeb, ['-x', deb.file, stage]], { timeoutMs: INSTALL_TIMEOUT_MS });
    for (const relative of await filesBelow(stage)) {
      const target = prefixTarget(relative);
      if (!target) continue;
      const source = path.join(stage, relative);
      const info = await lstat(source);
      // A library's version links become copies: the broker finds libfoo.so.1 whatever it points at.
      const mode = info.isSymbolicLink() ? 0o644 : info.mode & 0o777;
      await ctx.writer.write(path.join(ctx.profile.paths.prefix, target), await readFile(source), {
        mode,
        reason: 'package-install',
        // Programs and libraries come back from the kept package; a config is backed up as always.
        backup: target.startsWith('etc') ? 'store' : 'none',
      });
    }
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/**
 * Installs a checked set of packages: their files kept below the state folder first (for the way back),
 * then dpkg of the prefix on a device, or unpacked into the prefix in a sandbox; then the record.
 */
export async function installPackages(ctx: PackageTools, set: PackageSet, source: string): Promise<PackageState> {
  const { packages } = ctx.profile;
  const keep = async (deb: DebInfo): Promise<InstalledPackage> => {
    const kept = path.join(keptDir(ctx), path.basename(deb.file));
    if (path.resolve(deb.file) !== kept)
      await ctx.writer.write(kept, await readFile(deb.file), { mode: 0o644, reason: 'package-kept', backup: 'none' });
    return { name: deb.name, version: deb.version, arch: deb.arch, sha256: deb.sha256, kept };
  };
  const libraries = [];
  for (const deb of set.libraries) libraries.push(await keep(deb));
  const broker = await keep(set.broker);
  const order = [...set.libraries, set.broker];
  if (packages.installMode === 'dpkg') {
    const env = { ...ctx.profile.env, ...packages.env };
    await ctx.runner.check(
      [packages.dpkg.dpkg, ['-i', '--force-confdef', '--force-confold', ...order.map((deb) => deb.file)]],
      { env, timeoutMs: INSTALL_TIMEOUT_MS, mutates: true },
    );
  } else if (!ctx.dryRun) {
    for (const deb of order) await unpackIntoPrefix(ctx, deb);
  } else {
    for (const deb of order)
      ctx.plan.add(t('unpack {{file}} into {{prefix}}', { file: deb.file, prefix: ctx.profile.paths.prefix }));
  }
  const state: PackageState = { broker, libraries, source };
  await ctx.writer.write(statePath(ctx), `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o644,
    reason: 'package-record',
    backup: 'none',
  });
  return state;
}

/** The package set kept for what is installed now (the way back), or a clear failure when it is gone. */
export function keptSet(state: PackageState, read: (file: string) => Promise<DebInfo>): Promise<PackageSet> {
  return (async () => {
    try {
      return {
        broker: await read(state.broker.kept),
        libraries: await Promise.all(state.libraries.map((lib) => read(lib.kept))),
      };
    } catch {
      throw failed(
        t('the kept package of mosquitto {{version}} is missing or damaged ({{file}})', {
          version: state.broker.version,
          file: state.broker.kept,
        }),
        t('install it again from a folder: gate-mqtt provision --packages DIR'),
      );
    }
  })();
}
