import { readFile } from 'node:fs/promises';
import { badInput } from '../errors.js';

const MAX_PASSWORD_BYTES = 4096;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PASSWORD_BYTES) throw badInput('the password is longer than 4096 bytes; nothing was changed');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One trailing newline (what `echo` and editors add) is not part of the password; anything else is checked. */
function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** The password comes from stdin or a file, never from argv (the process list would show it). */
export async function readPassword(options: { stdin: boolean; file: string | undefined }): Promise<string> {
  if (options.stdin === (options.file !== undefined))
    throw badInput('give exactly one of --password-stdin or --password-file FILE');
  if (options.stdin) return stripOneNewline(await readAll(process.stdin));
  try {
    return stripOneNewline(await readFile(options.file!, 'utf8'));
  } catch (error) {
    throw badInput(
      `cannot read --password-file: ${(error as NodeJS.ErrnoException).code ?? 'error'}; nothing was changed`,
    );
  }
}
