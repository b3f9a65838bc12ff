import { copyFile, stat, truncate } from 'node:fs/promises';

/** pm2 keeps the broker's log open in append mode: copy it aside and truncate in place, keeping one old file. */
export const MAX_BROKER_LOG_BYTES = 1024 * 1024;

export async function rotateIfLarge(file: string, maxBytes = MAX_BROKER_LOG_BYTES): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info || info.size <= maxBytes) return false;
  await copyFile(file, `${file}.1`);
  await truncate(file, 0);
  return true;
}
