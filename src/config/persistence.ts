import path from 'node:path';
import { t } from '../i18n/translate.js';
import type { ConfModel, Located } from './model.js';

/**
 * mosquitto's persistence database, as mosquitto 2.0.11 finds and reads it: the doctor's
 * broker.persistence judges with these, and `doctor --fix` sets a bad one aside by the same verdict.
 */

/**
 * The file's first 15 bytes as mosquitto writes them (src/persist_read.c:44 at v2.0.11,
 * `const unsigned char magic[15] = {0x00, 0xB5, 0x00, 'm','o','s','q','u','i','t','t','o',' ','d','b'}`,
 * declared in src/persist.h:27); persist__restore refuses any other start ("Unrecognised file format").
 */
export const DB_MAGIC = Buffer.from([0x00, 0xb5, 0x00, ...Buffer.from('mosquitto db', 'latin1')]);

/** The reason the backup of a set-aside database carries (its id ends with it; `config backups` lists it). */
export const SET_ASIDE_REASON = 'persistence-corrupt';

export type Persistence = { on: false } | { on: true; file: string };

const later = (a: Located | undefined, b: Located | undefined) =>
  !a ? b : !b ? a : (b.depth ?? 0) > (a.depth ?? 0) || (b.file === a.file && b.line > a.line) ? b : a;

/**
 * Where the config in force keeps the database (conf.c config__check): persistence_file (default
 * mosquitto.db) below persistence_location joined with "/", relative paths from the broker's working
 * directory. `persistence` and `retained_persistence` set one flag: the later line wins.
 */
export function persistenceOf(model: ConfModel, cwd: string): Persistence {
  const flag = later(model.global.get('persistence')?.at(-1), model.global.get('retained_persistence')?.at(-1));
  const word = flag?.value.split(' ')[0];
  if (word !== 'true' && word !== '1') return { on: false };
  const name = model.global.get('persistence_file')?.at(-1)?.value || 'mosquitto.db';
  const location = model.global.get('persistence_location')?.at(-1)?.value;
  return { on: true, file: path.resolve(cwd, location ? `${location}/${name}` : name) };
}

/** What is at the database's path (never read through a link planted there). */
export type DbState =
  | { kind: 'missing' }
  | { kind: 'link' }
  | { kind: 'other' }
  | { kind: 'unreadable' }
  | { kind: 'file'; size: number; head: Buffer };

/** mosquitto's log lines about restoring the database, and those of a start that got past it. */
export const RESTORE_FAILED = /Unable to restore persistent database|Couldn't open database|persistent database format/;
const SPECIFIC = /Unable to restore persistent database|persistent database format/;
export const STARTED = /mosquitto version \S+ (starting|running)/;
/** For grep -E in the probe: the same two patterns. */
export const LOG_PATTERN =
  "Unable to restore persistent database|Couldn't open database|persistent database format|mosquitto version [^ ]+ (starting|running)";

/**
 * pm2 restarts a crashing broker at least every 15 s (its backoff ceiling): a failure older than this with
 * no start after it is history (a log_dest elsewhere keeps start lines out of pm2's log).
 */
const FRESH_SECONDS = 600;

/** The broker's last failure to restore its database, when no start came after it and it is fresh. */
export function restoreFailure(lines: string[], now: number): string | undefined {
  const lastStart = lines.findLastIndex((line) => STARTED.test(line));
  const failures = lines.slice(lastStart + 1).filter((line) => RESTORE_FAILED.test(line));
  const line = failures.findLast((l) => SPECIFIC.test(l)) ?? failures.at(-1);
  if (!line) return undefined;
  const stamp = Number(/^(\d+):/.exec(line)?.[1]);
  if (Number.isFinite(stamp) && now - stamp > FRESH_SECONDS) return undefined;
  return line.replace(/^\d+:\s*/, '').replace(/^Error:\s*/, '');
}

export type DbVerdict =
  | { state: 'off' }
  | { state: 'absent'; file: string }
  | { state: 'good'; file: string; size: number }
  | { state: 'bad'; file: string; size: number; why: string }
  | { state: 'unknown'; file: string; why: string; hint: string };

/**
 * The database's verdict: bad when mosquitto would refuse it (not empty, and not starting with its header)
 * or the log says the broker just failed to restore it. An empty file mosquitto starts with ("Persistence
 * file is empty"); a missing one it creates.
 */
export function judgeDatabase(where: Persistence, db: DbState, log: string[], now: number): DbVerdict {
  if (!where.on) return { state: 'off' };
  const { file } = where;
  if (db.kind === 'missing') return { state: 'absent', file };
  if (db.kind === 'link')
    return {
      state: 'unknown',
      file,
      why: t('{{file}} is a symbolic link; gate-mqtt does not read through links', { file }),
      hint: t('replace it with a regular file (a link there was not made by gate-mqtt)'),
    };
  if (db.kind === 'other')
    return {
      state: 'unknown',
      file,
      why: t('{{file}} is not a regular file', { file }),
      hint: t('move it aside and run again'),
    };
  if (db.kind === 'unreadable')
    return {
      state: 'unknown',
      file,
      why: t('{{file}} cannot be read', { file }),
      hint: t('run the doctor as the user the broker runs as'),
    };
  const { size, head } = db;
  if (size > 0 && size < DB_MAGIC.length)
    return { state: 'bad', file, size, why: t('too short for a mosquitto database') };
  if (size > 0 && !head.subarray(0, DB_MAGIC.length).equals(DB_MAGIC))
    return {
      state: 'bad',
      file,
      size,
      why: t("not a mosquitto database (its first bytes are not mosquitto's header)"),
    };
  const failure = size > 0 ? restoreFailure(log, now) : undefined;
  if (failure)
    return { state: 'bad', file, size, why: t('the broker could not restore it: "{{said}}"', { said: failure }) };
  return { state: 'good', file, size };
}
