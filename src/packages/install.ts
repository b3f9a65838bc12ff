import { lstat, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import path from 'node:path';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput, failed } from '../model/errors.js';
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

/** Where one file or link of a package goes in the sandbox prefix. */
interface Placement {
  /** Relative to the prefix. */
  target: string;
  source?: string;
  mode?: number;
  /** A link, and what it points at (relative to its own folder in the prefix). */
  link?: string;
}

/**
 * A package unpacked into a scratch folder, and where each of its files and links goes in the prefix. A
 * link stays a link; one that leads to nothing this gateway installs is refused here, before anything
 * is written (exit 2).
 */
async function planUnpack(ctx: PackageTools, deb: DebInfo, stage: string): Promise<Placement[]> {
  await ctx.runner.check([ctx.profile.packages.dpkg.dpkgDeb, ['-x', deb.file, stage]], {
    timeoutMs: INSTALL_TIMEOUT_MS,
  });
  const placements: Placement[] = [];
  for (const relative of await filesBelow(stage)) {
    const target = prefixTarget(relative);
    if (!target) continue;
    const source = path.join(stage, relative);
    const info = await lstat(source);
    if (info.isSymbolicLink()) {
      const to = await readlink(source);
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relative), to));
      const mapped = path.posix.isAbsolute(to) ? undefined : prefixTarget(resolved);
      if (!mapped)
        throw badInput(
          t('{{file}}: the link {{member}} -> {{target}} leads to nothing this gateway installs; nothing was changed', {
            file: deb.file,
            member: relative,
            target: to,
          }),
          t('use the packages built for this gateway (from its own package sources)'),
        );
      placements.push({ target, link: path.posix.relative(path.posix.dirname(target), mapped) });
    } else if (info.isFile()) placements.push({ target, source, mode: info.mode & 0o777 });
  }
  return placements;
}

/** One planned file or link put in place below the prefix. */
async function place(ctx: PackageTools, placement: Placement): Promise<void> {
  const file = path.join(ctx.profile.paths.prefix, placement.target);
  if (placement.link !== undefined) {
    await ctx.writer.link(file, placement.link);
    return;
  }
  // A link an earlier build put at this name makes way for the file (the writer never writes through one).
  if ((await lstat(file).catch(() => undefined))?.isSymbolicLink())
    await ctx.writer.remove(file, { reason: 'package-install', backup: 'none' });
  await ctx.writer.write(file, await readFile(placement.source!), {
    mode: placement.mode ?? 0o644,
    reason: 'package-install',
    // Programs and libraries come back from the kept package; a config is backed up as always.
    backup: placement.target.startsWith('etc') ? 'store' : 'none',
  });
}

/**
 * Installs a checked set of packages: their files kept below the state folder first (for the way back),
 * then dpkg of the prefix on a device, or unpacked into the prefix in a sandbox; then the record.
 */
/**
 * Where a package file is kept once installed (the way back of a later upgrade): named by its package,
 * version and architecture, never by the name it came with (two folders' "mosquitto.deb" are two files).
 */
const keptFile = (ctx: PackageTools, deb: DebInfo) =>
  path.join(keptDir(ctx), `${deb.name}_${deb.version.replace(/:/g, '%3a')}_${deb.arch}.deb`);

/** The record an install of `set` writes, known before it begins (its journal names it). */
export function recordOf(ctx: PackageTools, set: PackageSet, source: string): PackageState {
  const entry = (deb: DebInfo): InstalledPackage => ({
    name: deb.name,
    version: deb.version,
    arch: deb.arch,
    sha256: deb.sha256,
    kept: keptFile(ctx, deb),
  });
  return { broker: entry(set.broker), libraries: set.libraries.map(entry), source };
}

export async function installPackages(ctx: PackageTools, set: PackageSet, source: string): Promise<PackageState> {
  const { packages } = ctx.profile;
  const keep = async (deb: DebInfo): Promise<void> => {
    const kept = keptFile(ctx, deb);
    if (path.resolve(deb.file) !== kept)
      await ctx.writer.write(kept, await readFile(deb.file), { mode: 0o644, reason: 'package-kept', backup: 'none' });
  };
  const order = [...set.libraries, set.broker];
  // A sandbox's packages are unpacked and planned first: a package that cannot be placed is refused
  // before anything is kept or written.
  const stages: string[] = [];
  try {
    const plans: Placement[][] = [];
    if (packages.installMode === 'prefix' && !ctx.dryRun) {
      await ctx.writer.ensureDir(ctx.profile.paths.tmpDir);
      for (const deb of order) {
        stages.push(await mkdtemp(path.join(ctx.profile.paths.tmpDir, 'unpack-')));
        plans.push(await planUnpack(ctx, deb, stages.at(-1)!));
      }
    }
    for (const deb of order) await keep(deb);
    await installOrder(ctx, order, plans);
    const state = recordOf(ctx, set, source);
    await ctx.writer.write(statePath(ctx), `${JSON.stringify(state, null, 2)}\n`, {
      mode: 0o644,
      reason: 'package-record',
      backup: 'none',
    });
    return state;
  } finally {
    for (const stage of stages) await rm(stage, { recursive: true, force: true });
  }
}

/** dpkg of the prefix on a device; the planned files and links placed in a sandbox (recorded in dry-run). */
async function installOrder(ctx: PackageTools, order: DebInfo[], plans: Placement[][]): Promise<void> {
  const { packages } = ctx.profile;
  if (packages.installMode === 'dpkg') {
    const env = { ...ctx.profile.env, ...packages.env };
    await ctx.runner.check(
      [packages.dpkg.dpkg, ['-i', '--force-confdef', '--force-confold', ...order.map((deb) => deb.file)]],
      { env, timeoutMs: INSTALL_TIMEOUT_MS, mutates: true },
    );
  } else if (!ctx.dryRun) {
    for (const plan of plans) for (const placement of plan) await place(ctx, placement);
  } else {
    for (const deb of order)
      ctx.plan.add(t('unpack {{file}} into {{prefix}}', { file: deb.file, prefix: ctx.profile.paths.prefix }));
  }
}

/** The package set kept for what is installed now (the way back), or a clear failure when it is gone. */
export function keptSet(state: PackageState, read: (file: string) => Promise<DebInfo>): Promise<PackageSet> {
  // A kept file is ours: one that is not a regular file (a link planted there), or not the file the
  // record names (its hash), is not a way back.
  const readKept = async (entry: InstalledPackage) => {
    if (!(await lstat(entry.kept)).isFile()) throw new Error('not a regular file');
    const deb = await read(entry.kept);
    if (deb.sha256 !== entry.sha256) throw new Error('not the file the record names');
    return deb;
  };
  return (async () => {
    try {
      return {
        broker: await readKept(state.broker),
        libraries: await Promise.all(state.libraries.map((lib) => readKept(lib))),
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
