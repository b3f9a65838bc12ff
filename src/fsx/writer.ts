import { chmod, chown, lstat, readdir, readlink, rm, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { crashPoint } from '../run/fault.js';
import type { DryRunPlan } from '../run/plan.js';
import { linkAtomic, writeFileAtomic } from './atomic-write.js';
import { type BackupManifest, type BackupStore, filesBelow, sha256 } from './backups.js';
import { makeDirs } from './dirs.js';
import { readBytes } from './read.js';

export interface DeviceWriteOptions {
  mode?: number;
  owner?: { uid: number; gid: number };
  /** Why: names the backup made of the file this write replaces. */
  reason: string;
  /**
   * Where the replaced content goes: our backup store (default), or `FILE.bak` beside it for a file that
   * another program owns and backs up that way (pm2's dump.pm2, which changes at every save), or
   * nowhere for a cache of ours that is rebuilt when lost.
   */
  backup?: 'store' | 'beside' | 'none';
}

export interface WriteResult {
  changed: boolean;
  backupId?: string;
}

const isLink = (file: string) =>
  lstat(file).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );

/**
 * The one way a device file changes. Every change is recorded instead of made in dry-run; a file that is
 * replaced or removed is backed up first (once per run: a file already in this run's backup with the same
 * content is not copied again); writes are atomic; nothing is written, chmod-ed or removed through a link.
 */
export class DeviceWriter {
  /** File → sha256 of the content a backup of this run already holds. */
  private readonly covered = new Map<string, { sha256: string; backup: string }>();

  constructor(
    readonly backups: BackupStore,
    readonly plan: DryRunPlan,
  ) {}

  get dryRun(): boolean {
    return this.plan.active;
  }

  private async refuseLink(file: string): Promise<void> {
    if (await isLink(file)) {
      throw failed(
        t('{{file}} is a symbolic link; gate-mqtt does not write through links', { file }),
        t('replace it with a regular file and run again'),
      );
    }
  }

  /** Backs up files and folders under one id; later writes of the same content in this run need no new copy. */
  async backup(reason: string, sources: string[]): Promise<BackupManifest | undefined> {
    if (this.dryRun) {
      this.plan.add(t('back up {{files}}', { files: sources.join(', ') }));
      return undefined;
    }
    const manifest = await this.backups.save(reason, sources);
    for (const entry of manifest?.entries ?? [])
      this.covered.set(entry.source, { sha256: entry.sha256, backup: manifest!.id });
    return manifest;
  }

  /** The backup of this run that already holds `file` with this content, if one does. */
  backupOf(file: string, data: Uint8Array): string | undefined {
    const covered = this.covered.get(file);
    return covered?.sha256 === sha256(data) ? covered.backup : undefined;
  }

  private async backupBefore(file: string, data: Buffer, reason: string): Promise<string | undefined> {
    if (this.backupOf(file, data)) return undefined;
    return (await this.backup(reason, [file]))?.id;
  }

  /** Writes `content` when it differs from what is there; the file it replaces is backed up first. */
  async write(file: string, content: string | Buffer, options: DeviceWriteOptions): Promise<WriteResult> {
    await this.refuseLink(file);
    const current = await readBytes(file);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (current?.equals(bytes)) return { changed: false };
    const mode = options.mode ?? 0o644;
    if (this.dryRun) {
      const size = { file, count: bytes.length, mode: mode.toString(8) };
      this.plan.add(
        current === undefined
          ? t('create {{file}} ({{count}} bytes, mode {{mode}})', size)
          : t('back up and replace {{file}} ({{count}} bytes, mode {{mode}})', size),
      );
      return { changed: true };
    }
    await makeDirs(path.dirname(file));
    if (current !== undefined && options.backup === 'beside') {
      await writeFileAtomic(`${file}.bak`, current, { mode });
    }
    const useStore = current !== undefined && (options.backup ?? 'store') === 'store';
    const backupId = useStore ? await this.backupBefore(file, current, options.reason) : undefined;
    await writeFileAtomic(file, bytes, { mode, ...(options.owner ? { owner: options.owner } : {}) });
    return backupId ? { changed: true, backupId } : { changed: true };
  }

  /** A symbolic link at `file` to `target` (a package's own link), unless it is there already. */
  async link(file: string, target: string): Promise<WriteResult> {
    const info = await lstat(file).catch(() => undefined);
    if (info?.isSymbolicLink() && (await readlink(file)) === target) return { changed: false };
    if (info?.isDirectory())
      throw failed(
        t('{{file}} is a folder; a link was to go there', { file }),
        t('move the folder aside, then run again'),
      );
    if (this.dryRun) {
      this.plan.add(t('link {{file}} to {{target}}', { file, target }));
      return { changed: true };
    }
    await makeDirs(path.dirname(file));
    await linkAtomic(file, target);
    return { changed: true };
  }

  /** Removes a file (backed up first, unless it is a scratch file of ours); false when there was none. */
  async remove(file: string, options: { reason: string; backup?: 'store' | 'none' }): Promise<boolean> {
    const link = await isLink(file);
    const current = link ? undefined : await readBytes(file);
    if (!link && current === undefined) return false;
    if (this.dryRun) {
      this.plan.add(t('back up and remove {{file}}', { file }));
      return true;
    }
    if (current !== undefined && options.backup !== 'none') await this.backupBefore(file, current, options.reason);
    crashPoint(`unlink:${path.basename(file)}`);
    await unlink(file);
    return true;
  }

  /** Empties a folder (its files backed up first); returns how many entries were removed. */
  async clearDir(dir: string, options: { reason: string }): Promise<number> {
    // A link planted in the folder's place would have us empty the folder it points at.
    await this.refuseLink(dir);
    const files = await filesBelow(dir);
    if (files.length === 0) return 0;
    if (this.dryRun) {
      this.plan.add(t('back up and remove the {{count}} file(s) in {{folder}}', { count: files.length, folder: dir }));
      return files.length;
    }
    const uncovered: string[] = [];
    for (const file of files) {
      const data = await readBytes(file);
      if (data && !this.backupOf(file, data)) uncovered.push(file);
    }
    if (uncovered.length) await this.backup(options.reason, uncovered);
    // The folder itself stays (its owner and mode may be the broker's).
    crashPoint(`clear:${path.basename(dir)}`);
    for (const name of await readdir(dir)) await rm(path.join(dir, name), { recursive: true, force: true });
    return files.length;
  }

  /** Creates a folder (and its parents) when missing; true when it was created. */
  async ensureDir(dir: string, mode = 0o755): Promise<boolean> {
    const exists = await lstat(dir).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (exists) return false;
    if (this.dryRun) {
      this.plan.add(t('create folder {{folder}}', { folder: dir }));
      return true;
    }
    await makeDirs(dir, mode);
    return true;
  }

  /** A folder only its owner may enter (0700, that owner): created, or its mode and owner set; true when changed. */
  async ensurePrivateDir(dir: string, owner?: { uid: number; gid: number }): Promise<boolean> {
    await this.refuseLink(dir);
    const info = await lstat(dir).catch(() => undefined);
    const wrongOwner = owner !== undefined && (info?.uid !== owner.uid || info?.gid !== owner.gid);
    if (info && (info.mode & 0o7777) === 0o700 && !wrongOwner) return false;
    if (this.dryRun) {
      this.plan.add(`chmod 700 ${dir}${owner ? ` (owner ${owner.uid}:${owner.gid})` : ''}`);
      return true;
    }
    await makeDirs(dir, 0o700);
    await chmod(dir, 0o700);
    if (owner) await chown(dir, owner.uid, owner.gid);
    return true;
  }

  /** Gives an existing file exactly these permission bits; true when they changed. */
  async ensureMode(file: string, mode: number): Promise<boolean> {
    await this.refuseLink(file);
    const info = await lstat(file);
    if ((info.mode & 0o7777) === mode) return false;
    if (this.dryRun) {
      this.plan.add(`chmod ${mode.toString(8)} ${file}`);
      return true;
    }
    crashPoint(`chmod:${path.basename(file)}`);
    await chmod(file, mode);
    return true;
  }

  /**
   * Keeps a log that another process appends to (pm2 holds the broker's log open) below `maxBytes`: its
   * content moves to `FILE.1` (the one old file kept) and the file is truncated in place.
   */
  async rotate(file: string, maxBytes: number): Promise<boolean> {
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile() || info.size <= maxBytes) return false;
    if (this.dryRun) {
      this.plan.add(t('rotate {{file}} ({{count}} bytes) to {{file}}.1', { file, count: info.size }));
      return true;
    }
    await writeFileAtomic(`${file}.1`, (await readBytes(file)) ?? Buffer.alloc(0), { mode: 0o600 });
    crashPoint(`rotate:${path.basename(file)}`);
    await truncate(file, 0);
    return true;
  }
}
