import { constants, open } from 'node:fs/promises';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

export const MAX_PASSWORD_BYTES = 4096;
/** How long a password file that is a FIFO (or a pipe) may take to deliver it. */
export const PASSWORD_READ_TIMEOUT_MS = 5000;

const tooLong = () =>
  badInput(
    t('the password is longer than {{max}} bytes; nothing was changed', { max: MAX_PASSWORD_BYTES }),
    t('give a shorter password'),
  );

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PASSWORD_BYTES) throw tooLong();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads at most 4 KiB from a password file without ever blocking for good: opened non-blocking (a FIFO
 * without a writer would otherwise hang the open), read until end of file, the cap (/dev/zero), or the
 * deadline (a FIFO nobody writes to).
 */
export async function readPasswordFile(file: string, timeoutMs = PASSWORD_READ_TIMEOUT_MS): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw badInput(
      t('cannot read --password-file: {{why}}; nothing was changed', { why: error.code ?? 'error' }),
      t('name a readable file whose first line is the password'),
    );
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory())
      throw badInput(t('--password-file is a folder; nothing was changed'), t('name the file, not its folder'));
    const waitsForWriter = info.isFIFO() || info.isSocket();
    const buffer = Buffer.alloc(MAX_PASSWORD_BYTES + 1);
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    while (total <= MAX_PASSWORD_BYTES) {
      let bytesRead = 0;
      try {
        ({ bytesRead } = await handle.read(buffer, total, buffer.length - total, null));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        bytesRead = -1; // a writer is there, nothing written yet
      }
      if (bytesRead > 0) total += bytesRead;
      else if (bytesRead === 0 && !(waitsForWriter && total === 0))
        break; // end of file
      else if (Date.now() > deadline) {
        throw badInput(
          t(
            '--password-file {{file}}: nothing to read within {{ms}} ms (a FIFO without a writer?); nothing was changed',
            {
              file,
              ms: timeoutMs,
            },
          ),
          t('write the password into the FIFO, or use --password-stdin'),
        );
      } else await sleep(20);
    }
    if (total > MAX_PASSWORD_BYTES) throw tooLong();
    return buffer.subarray(0, total).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** One trailing newline (what `echo` and editors add) is not part of the password; anything else is checked. */
function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** The password comes from stdin or a file, never from argv (the process list would show it). */
export async function readPassword(options: { stdin: boolean; file: string | undefined }): Promise<string> {
  if (options.stdin === (options.file !== undefined)) {
    throw badInput(
      options.stdin ? t('give only one of --password-stdin and --password-file') : t('a password is needed'),
      t('pass it on standard input (--password-stdin) or in a file (--password-file FILE), never as an argument'),
    );
  }
  if (options.stdin) return stripOneNewline(await readAll(process.stdin));
  return stripOneNewline(await readPasswordFile(options.file!));
}
