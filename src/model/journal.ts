import type { PackageState } from './packages.js';

/** A file as it was before a change: enough to put it back byte for byte, with its mode. */
export interface FileBefore {
  sha256: string;
  mode: number;
  /** The backup that holds it. */
  backup: string;
}

/** What a change of several steps is about to do: from what to what, and the way back. */
export type Change =
  | {
      kind: 'config';
      file: string;
      /** The config before (null: there was none). */
      from: FileBefore | null;
      /** sha256 of the new config. */
      to: string;
      /** Whether a later run may put `from` back when the new config does not serve (a reset's may not). */
      undo: boolean;
      /** Names the backups of the change ("apply", "bridge-add"; a rejected config is kept as REASON-rejected). */
      reason: string;
    }
  | {
      kind: 'package';
      /** The package record before: its kept files are the way back. */
      from?: PackageState;
      fromVersion?: string;
      to: string;
      /** The record the install writes, with the kept files of `to` (a later run installs them again). */
      toState: PackageState;
      config?: FileBefore;
    }
  | {
      /** Files the broker reads besides its config (users: the password and ACL files), changed together. */
      kind: 'files';
      files: Array<{ file: string; from: FileBefore | null; to: string | null }>;
      reason: string;
    }
  | { kind: 'uninstall'; purge: boolean };

/**
 * The journal of a change under way (PREFIX/var/lib/gate-mqtt/change.json): written atomically before its
 * first change, cleared when the run ends well. A later run that finds one completes or undoes it first.
 */
export interface Journal {
  /** The command that began it ("config apply", "upgrade", …). */
  command: string;
  started: string;
  change: Change;
}
