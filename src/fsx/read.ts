import { constants, type FileHandle, open } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';

/**
 * The one way a device file is read: never through a link planted at its name (O_NOFOLLOW), never
 * blocking on a FIFO planted there (O_NONBLOCK), and only a regular file. A log, a config, a backup or a
 * record that turns out to be a link is refused with a clear error instead of showing what it points at.
 */

const notFollowed = (file: string) =>
  failed(
    t('{{file}} is a symbolic link; gate-mqtt does not read through links', { file }),
    t('replace it with a regular file (a link there was not made by gate-mqtt)'),
  );

const notAFile = (file: string) =>
  failed(t('{{file}} is not a regular file', { file }), t('move it aside and run again'));

/**
 * Opens a device file for reading; undefined when it does not exist. `followLinks` is for files a config
 * names (mosquitto itself reads those through links): never blocking, a regular file all the same.
 */
export async function openToRead(
  file: string,
  options: { followLinks?: boolean } = {},
): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  const nofollow = options.followLinks ? 0 : constants.O_NOFOLLOW;
  try {
    handle = await open(file, constants.O_RDONLY | nofollow | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw notFollowed(file);
    throw error;
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw notAFile(file);
  }
  return handle;
}

/** A device file's bytes; undefined when it does not exist. */
export async function readBytes(file: string): Promise<Buffer | undefined> {
  const handle = await openToRead(file);
  if (!handle) return undefined;
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A device file as text; undefined when it does not exist. */
export async function readText(file: string): Promise<string | undefined> {
  return (await readBytes(file))?.toString('utf8');
}

/** Up to the last `bytes` of a device file, and its size; undefined when it does not exist. */
export async function readEnd(file: string, bytes: number): Promise<{ data: Buffer; size: number } | undefined> {
  const handle = await openToRead(file);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const data = Buffer.alloc(length);
    await handle.read(data, 0, length, size - length);
    return { data, size };
  } finally {
    await handle.close();
  }
}

/** What was appended to a device file since `offset` (the reader of `logs -f`). */
export async function readFrom(file: string, offset: number): Promise<{ data: Buffer; size: number } | undefined> {
  const handle = await openToRead(file);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const from = size < offset ? 0 : offset; // truncated or rotated: from the start
    const data = Buffer.alloc(size - from);
    await handle.read(data, 0, data.length, from);
    return { data, size };
  } finally {
    await handle.close();
  }
}
