import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { procInfo, socketOwners } from '../platform/proc.js';

/** The inodes of sockets listening on `port` (IPv4 and IPv6), from /proc/net/tcp{,6}. */
export function listeningInodes(table: string, port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // local_address is ADDR:PORT in hex; st 0A is LISTEN; the inode is the tenth field
    if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A' && fields[9]) out.push(fields[9]);
  }
  return out;
}

/**
 * Names the program that listens on a port, as far as this user may see: "pid 123 (nginx -g …)", or a
 * plain "another program" (Android hides /proc/net from apps; other users' fds are not readable).
 */
export async function describePortHolder(port: number, proc = '/proc'): Promise<string> {
  const tables = await Promise.all(
    ['tcp', 'tcp6'].map((name) => readFile(`${proc}/net/${name}`, 'utf8').catch(() => '')),
  );
  for (const inode of tables.flatMap((table) => listeningInodes(table, port))) {
    for (const pid of await socketOwners(inode, proc)) {
      const info = await procInfo(pid, proc);
      if (info)
        return `pid ${pid} (${[path.basename(info.argv[0] ?? '?'), ...info.argv.slice(1)].join(' ').slice(0, 80)})`;
    }
  }
  return t('another program');
}
