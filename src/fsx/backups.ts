import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { badInput, failed } from '../model/errors.js';
import { crashPoint } from '../run/fault.js';
import { createHash } from '../run/lazy-builtins.js';
import { isWriterTemp, syncDir, writeFileAtomic } from './atomic-write.js';
import { makeDirs } from './dirs.js';
import { readBytes, readText } from './read.js';

/** How many backups are kept; older ones are pruned after each new one. */
export const KEEP_BACKUPS = 20;
/** However many backups come after them, the newest of these of the user's own config are kept. */
export const KEEP_USER_CONFIG_BACKUPS = 5;

/**
 * Backups of a package's own files: its stock mosquitto.conf set aside at a first install, or the one it
 * put in place of the gateway's. They are listed and restorable by ID, never restored by default.
 */
const PACKAGE_REASONS = new Set(['package-default-config', 'package-replaced-config']);
export const fromPackage = (manifest: BackupManifest): boolean => PACKAGE_REASONS.has(manifest.reason);

/**
 * What `config restore` without an ID goes back to: the config before the last change, not one a restore
 * itself set aside (restoring twice is restoring once, and a restore killed half-way restores the same
 * again), nor a candidate that was rejected, nor a package's own.
 */
const restorableByDefault = (manifest: BackupManifest): boolean =>
  !fromPackage(manifest) && manifest.reason !== 'restore' && !manifest.reason.endsWith('-rejected');

export interface BackupEntry {
  /** Absolute path the file came from. */
  source: string;
  /** Path inside the backup folder. */
  stored: string;
  sha256: string;
  bytes: number;
}

export interface BackupManifest {
  id: string;
  reason: string;
  created: string;
  entries: BackupEntry[];
}

const MANIFEST = 'manifest.json';
const ID_PATTERN = /^\d{8}T\d{9}Z-[a-z-]+(-\d+)?$/;

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function newId(reason: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${reason}`;
}

/** Lists every regular file below `dir` (links are not followed, and a killed writer's temp files are not files). */
export async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const full = path.join(dir, name);
    const info = await lstat(full);
    if (info.isDirectory()) out.push(...(await filesBelow(full)));
    else if (info.isFile() && !isWriterTemp(name)) out.push(full);
  }
  return out;
}

/**
 * Timestamped backups below one folder (0700; files 0600 because a config may hold a password). A
 * backup is built in a `.partial` folder and renamed when complete, so a cut leaves no half backup.
 */
export class BackupStore {
  constructor(
    readonly dir: string,
    readonly relativeTo: string,
    /** The file whose own backups (not a package's) pruning never takes all of: the broker config. */
    readonly precious?: string,
  ) {}

  /**
   * The backups this run made: never pruned by it (a gateway without a real-time clock may boot with a
   * clock behind, and name its newest backup as if it were old; a journal of this run names one).
   */
  private readonly made = new Set<string>();

  /** Backs up files and whole folders; missing sources are skipped. Returns undefined when nothing existed. */
  async save(reason: string, sources: string[], now = new Date()): Promise<BackupManifest | undefined> {
    const files: string[] = [];
    for (const source of sources) {
      const info = await lstat(source).catch(() => undefined);
      if (info?.isDirectory()) files.push(...(await filesBelow(source)));
      else if (info?.isFile()) files.push(source);
    }
    if (files.length === 0) return undefined;
    await makeDirs(this.dir, 0o700);
    if ((await lstat(this.dir)).isSymbolicLink())
      throw failed(
        t('the backups folder {{folder}} is a symbolic link; refusing to write backups through it', {
          folder: this.dir,
        }),
        t('replace it with a real folder'),
      );
    let id = newId(reason, now);
    for (let n = 1; await lstat(path.join(this.dir, id)).catch(() => undefined); n++) id = `${newId(reason, now)}-${n}`;
    // Half-built backups of killed runs (the run lock makes ours the only one being built now).
    for (const name of await readdir(this.dir))
      if (/^\..*\.partial$/.test(name)) await rm(path.join(this.dir, name), { recursive: true, force: true });
    const partial = path.join(this.dir, `.${id}.partial`);
    await mkdir(partial, { mode: 0o700 });
    const entries: BackupEntry[] = [];
    for (const file of files) {
      const data = (await readBytes(file)) ?? Buffer.alloc(0);
      const stored = path.join('files', path.relative(this.relativeTo, file).replace(/^(\.\.\/)+/, ''));
      await makeDirs(path.dirname(path.join(partial, stored)), 0o700);
      await writeFileAtomic(path.join(partial, stored), data, { mode: 0o600 });
      entries.push({ source: file, stored, sha256: sha256(data), bytes: data.length });
    }
    const manifest: BackupManifest = { id, reason, created: now.toISOString(), entries };
    await writeFileAtomic(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    crashPoint(`backup:${reason}`);
    await rename(partial, path.join(this.dir, id));
    // The backup's name is on disk before anything it holds is removed (a database set aside, say).
    await syncDir(this.dir);
    this.made.add(id);
    await this.prune();
    return manifest;
  }

  async list(): Promise<BackupManifest[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: BackupManifest[] = [];
    for (const name of names.filter((n) => ID_PATTERN.test(n)).sort()) {
      try {
        out.push(JSON.parse((await readText(path.join(this.dir, name, MANIFEST))) ?? '') as BackupManifest);
      } catch {
        // an unreadable manifest is not a backup we can restore; leave it for a person to look at
      }
    }
    return out;
  }

  /**
   * The backup with `id`, or, when no id is given, the newest one holding `source` that is not a
   * package's own file (a package's stock config is restored only when asked for by its ID).
   */
  async find(source: string, id?: string): Promise<BackupManifest> {
    if (id !== undefined && !ID_PATTERN.test(id))
      throw badInput(t('no backup "{{id}}"', { id }), t('list them with: gate-mqtt config backups'));
    const all = (await this.list()).filter((m) => m.entries.some((e) => e.source === source));
    const found = id === undefined ? all.filter(restorableByDefault).at(-1) : all.find((m) => m.id === id);
    if (found) return found;
    const stock = all.filter(fromPackage).at(-1);
    if (id === undefined && stock)
      throw badInput(
        t("no backup of your own {{file}} exists; {{id}} holds the package's own config", {
          file: source,
          id: stock.id,
        }),
        t('to restore that one: gate-mqtt config restore {{id}}', { id: stock.id }),
      );
    throw badInput(
      id === undefined
        ? t('no backup of {{file}} exists', { file: source })
        : t('no backup "{{id}}" of {{file}}', { id, file: source }),
      t('list them with: gate-mqtt config backups'),
    );
  }

  /** Reads a backed-up file and checks it against its recorded hash. */
  async read(manifest: BackupManifest, source: string): Promise<Buffer> {
    const entry = manifest.entries.find((e) => e.source === source);
    if (!entry)
      throw badInput(
        t('backup {{id}} does not hold {{file}}', { id: manifest.id, file: source }),
        t('list them with: gate-mqtt config backups'),
      );
    // A manifest names files inside its own backup; one that leads elsewhere is not ours to read.
    if (path.isAbsolute(entry.stored) || path.normalize(entry.stored).startsWith('..'))
      throw badInput(
        t('backup {{id}} is damaged ({{file}} does not match its hash)', { id: manifest.id, file: entry.stored }),
        t('restore another one: gate-mqtt config backups'),
      );
    const data = await readBytes(path.join(this.dir, manifest.id, entry.stored));
    if (data === undefined)
      throw badInput(
        t('backup {{id}} is damaged ({{file}} is missing)', { id: manifest.id, file: entry.stored }),
        t('restore another one: gate-mqtt config backups'),
      );
    if (sha256(data) !== entry.sha256)
      throw badInput(
        t('backup {{id}} is damaged ({{file}} does not match its hash)', { id: manifest.id, file: entry.stored }),
        t('restore another one: gate-mqtt config backups'),
      );
    return data;
  }

  /** The newest KEEP_BACKUPS stay, and the newest KEEP_USER_CONFIG_BACKUPS of the precious file, however old. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => ID_PATTERN.test(n)).sort();
    const old = names.slice(0, Math.max(0, names.length - KEEP_BACKUPS));
    if (old.length === 0) return;
    const precious = this.precious;
    const kept = new Set(
      precious === undefined
        ? []
        : (await this.list())
            .filter((m) => !fromPackage(m) && m.entries.some((e) => e.source === precious))
            .slice(-KEEP_USER_CONFIG_BACKUPS)
            .map((m) => m.id),
    );
    for (const name of old.filter((n) => !kept.has(n) && !this.made.has(n)))
      await rm(path.join(this.dir, name), { recursive: true, force: true });
  }
}
