import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import type { DpkgTools } from '../platform/packages.js';
import { createHash } from '../run/lazy-builtins.js';
import type { Runner } from '../run/runner.js';

export type { DpkgTools } from '../platform/packages.js';

/** One package file, as its control file says (checked before anything is installed from it). */
export interface DebInfo {
  file: string;
  name: string;
  /** The package's full version, Debian/Termux revision included (2.0.11-1.2+deb12u2). */
  version: string;
  arch: string;
  /** Package names it depends on (alternatives and version constraints dropped). */
  depends: string[];
  sha256: string;
}

export const BROKER_PACKAGE = 'mosquitto';
const TIMEOUT_MS = 30_000;

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** "libc6 (>= 2.34), libssl3 (>= 3.0.0) | libssl1.1" → ["libc6", "libssl3"]. */
export function dependsNames(field: string): string[] {
  return field
    .split(',')
    .map(
      (part) =>
        part
          .split('|')[0]!
          .trim()
          .split(/[\s(:]/)[0]!,
    )
    .filter(Boolean);
}

/** Reads a package file's control fields; a file dpkg-deb cannot read is refused (exit 2). */
export async function readDeb(runner: Runner, tools: DpkgTools, file: string): Promise<DebInfo> {
  const result = await runner.run([tools.dpkgDeb, ['-f', file, 'Package', 'Version', 'Architecture', 'Depends']], {
    timeoutMs: TIMEOUT_MS,
  });
  const fields = Object.fromEntries(
    result.stdout
      .split('\n')
      .map((line) => /^([A-Za-z-]+): (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );
  if (result.exitCode !== 0 || !fields.Package || !fields.Version || !fields.Architecture) {
    throw badInput(
      t('{{file}} is not a package file dpkg can read ({{why}}); nothing was changed', {
        file,
        why: (result.stderr.trim().split('\n')[0] ?? '') || t('no control fields'),
      }),
      t('download it again (apt-get download mosquitto, or from the gateway images)'),
    );
  }
  return {
    file,
    name: fields.Package,
    version: fields.Version,
    arch: fields.Architecture,
    depends: dependsNames(fields.Depends ?? ''),
    sha256: await sha256File(file),
  };
}

/** One member of a package's data archive: its path (relative, "usr/sbin/mosquitto") and, for a link, its target. */
export interface DebMember {
  path: string;
  link?: string;
}

/**
 * Every member of a package file's data archive (`dpkg-deb -c` reads it to its end): a truncated or
 * corrupt file is refused here (exit 2), before anything is kept or installed.
 */
export async function listMembers(runner: Runner, tools: DpkgTools, file: string): Promise<DebMember[]> {
  const result = await runner.run([tools.dpkgDeb, ['-c', file]], { timeoutMs: 5 * TIMEOUT_MS });
  if (result.exitCode !== 0)
    throw badInput(
      t('{{file}} is damaged (truncated, or not whole): its contents cannot be read; nothing was changed', { file }),
      t('copy it again, and compare it with SHA256SUMS (sha256sum -c SHA256SUMS)'),
    );
  return result.stdout.split('\n').flatMap((line) => {
    // tar -tv: "lrwxrwxrwx root/root 0 2023-03-01 12:00 ./usr/lib/libx.so.1 -> libx.so.1.2"
    const match = /^(\S)\S{9}\s+\S+\s+\d+\s+\S+\s+\S+\s+\.\/(.*?)(?: -> (.*))?$/.exec(line);
    if (!match?.[2]) return [];
    return [{ path: match[2].replace(/\/$/, ''), ...(match[1] === 'l' && match[3] ? { link: match[3] } : {}) }];
  });
}

/**
 * A link member that would lead out of the package: an absolute target (but into the device's own
 * prefix), or a relative one that climbs out of the package's tree. Such a package is refused (exit 2)
 * before anything is written: installed, it would point into (or, copied, bring in) the host's files.
 */
export function escapingLink(members: DebMember[], devicePrefix: string): DebMember | undefined {
  return members.find((member) => {
    if (member.link === undefined) return false;
    if (path.posix.isAbsolute(member.link)) return !member.link.startsWith(`${devicePrefix}/`);
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(member.path), member.link));
    return resolved === '..' || resolved.startsWith('../');
  });
}

/** `dpkg --compare-versions A gt B`: Debian's own order of versions (epochs, revisions, ~). */
export async function newerThan(runner: Runner, tools: DpkgTools, a: string, b: string): Promise<boolean> {
  const result = await runner.run([tools.dpkg, ['--compare-versions', a, 'gt', b]], { timeoutMs: TIMEOUT_MS });
  return result.exitCode === 0;
}

/** SHA256SUMS beside the packages ("HASH  NAME" lines, as sha256sum writes them), when there is one. */
async function readManifest(dir: string): Promise<Map<string, string> | undefined> {
  const text = await readFile(path.join(dir, 'SHA256SUMS'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/i.exec(line.trim());
    if (match) sums.set(path.basename(match[2]!), match[1]!.toLowerCase());
  }
  return sums;
}

export interface PackageSet {
  broker: DebInfo;
  /** Packages the broker depends on, from the same folder (its libraries). */
  libraries: DebInfo[];
}

/**
 * The packages to install from a folder: every .deb read and checked (readable, this machine's
 * architecture, in SHA256SUMS when the folder has one, the broker or one of its dependencies); the
 * broker is the version asked for, else the newest. Anything else is refused (exit 2) before a change.
 */
export async function packagesIn(
  runner: Runner,
  tools: DpkgTools,
  dir: string,
  options: { arch: string; version?: string; devicePrefix: string },
): Promise<PackageSet> {
  const isDir = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDir)
    throw badInput(t('--packages {{dir}} is not a folder', { dir }), t('give the folder that holds the .deb files'));
  const names = (await readdir(dir)).filter((name) => name.endsWith('.deb')).sort();
  const debs: DebInfo[] = [];
  for (const name of names) debs.push(await readDeb(runner, tools, path.join(dir, name)));
  const manifest = await readManifest(dir);
  for (const deb of debs) {
    const listed = manifest?.get(path.basename(deb.file));
    if (manifest && listed !== deb.sha256)
      throw badInput(
        listed
          ? t('{{file}} does not match its SHA256SUMS line; nothing was changed', { file: deb.file })
          : t('{{file}} is not in SHA256SUMS; nothing was changed', { file: deb.file }),
        t('the file is damaged or not the one the folder was made with: copy it again'),
      );
    if (deb.arch !== options.arch && deb.arch !== 'all')
      throw badInput(
        t('{{file}} is built for {{arch}}, this gateway is {{ours}}; nothing was changed', {
          file: deb.file,
          arch: deb.arch,
          ours: options.arch,
        }),
        t('use the packages built for this gateway'),
      );
  }
  for (const deb of debs) {
    const escaping = escapingLink(await listMembers(runner, tools, deb.file), options.devicePrefix);
    if (escaping)
      throw badInput(
        t('{{file}} holds a link that leads out of the gateway ({{member}} -> {{target}}); nothing was changed', {
          file: deb.file,
          member: escaping.path,
          target: escaping.link ?? '',
        }),
        t('use the packages built for this gateway (from its own package sources)'),
      );
  }
  const brokers = debs.filter((deb) => deb.name === BROKER_PACKAGE);
  let broker = options.version ? brokers.find((deb) => deb.version === options.version) : brokers[0];
  if (!options.version)
    for (const other of brokers.slice(1))
      if (broker && (await newerThan(runner, tools, other.version, broker.version))) broker = other;
  if (!broker)
    throw badInput(
      options.version
        ? t('no mosquitto {{version}} in {{dir}} (found: {{found}})', {
            version: options.version,
            dir,
            found: brokers.map((deb) => deb.version).join(', ') || '-',
          })
        : t('no mosquitto package in {{dir}}', { dir }),
      t('put mosquitto_VERSION_ARCH.deb there (apt-get download mosquitto)'),
    );
  const chosen = broker;
  const foreign = debs.find((deb) => deb.name !== BROKER_PACKAGE && !chosen.depends.includes(deb.name));
  if (foreign)
    throw badInput(
      t('{{file}} ({{name}}) is neither mosquitto nor one of its dependencies; nothing was changed', {
        file: foreign.file,
        name: foreign.name,
      }),
      t('keep only mosquitto and its libraries in the folder'),
    );
  return { broker: chosen, libraries: debs.filter((deb) => deb.name !== BROKER_PACKAGE) };
}
