import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';

/** Who the broker runs as: started as root it drops to its `user` (default "mosquitto", else "nobody"). */
export interface BrokerUser {
  name: string;
  uid: number;
  gids: number[];
}

function passwdEntry(name: string): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid !== undefined && gid !== undefined ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

function groupsOf(name: string, gid: number): number[] {
  try {
    const extra = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .filter((l) => (l.split(':')[3] ?? '').split(',').includes(name))
      .map((l) => Number(l.split(':')[2]));
    return [gid, ...extra];
  } catch {
    return [gid];
  }
}

/**
 * The user mosquitto 2.0.11 would run as, started by this process: itself, unless this process is root
 * and the config's `user` is not root; an unknown explicit user is an error (mosquitto exits).
 */
export function brokerUser(configured: string | undefined): { user?: BrokerUser; error?: string } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0 || configured === 'root') {
    return { user: { name: configured === 'root' ? 'root' : String(uid), uid, gids: process.getgroups?.() ?? [] } };
  }
  const name = configured ?? 'mosquitto';
  const entry = passwdEntry(name) ?? (configured === undefined ? passwdEntry('nobody') : undefined);
  if (!entry)
    return { error: t('user {{name}} does not exist: mosquitto started as root cannot drop to it', { name }) };
  const who = passwdEntry(name) ? name : 'nobody';
  return { user: { name: who, uid: entry.uid, gids: groupsOf(who, entry.gid) } };
}

const BITS = { r: 4, w: 2, x: 1 } as const;

async function allowed(file: string, user: BrokerUser, want: keyof typeof BITS): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return false;
  if (user.uid === 0) return want !== 'x' || info.isDirectory() || (info.mode & 0o111) !== 0;
  const bits = user.uid === info.uid ? info.mode >> 6 : user.gids.includes(info.gid) ? info.mode >> 3 : info.mode;
  return (bits & BITS[want]) !== 0;
}

/** Whether `user` can reach `target` (search permission on every folder above it) and has `want` on it. */
export async function accessibleBy(target: string, user: BrokerUser, want: 'r' | 'w'): Promise<boolean> {
  const full = path.resolve(target);
  const parts = full.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    if (!(await allowed(dir, user, 'x'))) return false;
  }
  return allowed(full, user, want);
}
