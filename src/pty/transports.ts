import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import type { Profile } from '../platform/profile.js';
import { shQuote } from '../run/quote.js';
import type { TransportSpec } from './session.js';

/**
 * An ssh connection: what `--target ssh://USER@HOST[:PORT]` names (Termux's port 8022 when none), or
 * what Ansible's ssh connection would use for an inventory host (no user or port: ssh's own choice).
 */
export interface SshTarget {
  kind: 'ssh';
  user?: string;
  host: string;
  port?: number;
  /** ansible_ssh_private_key_file. */
  identity?: string;
  /** ansible_ssh_common_args, then ansible_ssh_extra_args, as ssh arguments. */
  options?: string[];
}

export type Target = { kind: 'local' } | SshTarget | { kind: 'adb'; serial: string | undefined };

export const TERMUX_SSH_PORT = 8022;

const TARGET_HINT = () => t('e.g. --target ssh://u0_a123@192.168.1.20 (Termux sshd, port 8022) or --target adb');

// Nothing may start with "-": ssh and adb would read it as an option (ssh://-F.@host, adb://-a).
const SSH_USER = /^[\w.][\w.-]{0,31}$/;
const SSH_HOST = /^(?:[A-Za-z0-9.][A-Za-z0-9.-]{0,252}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

/** An ssh target from its parts (an inventory host's connection), checked as --target is: exit 2 otherwise. */
export function sshTarget(
  parts: Omit<SshTarget, 'kind'>,
  shown = describeTarget({ kind: 'ssh', ...parts }),
): SshTarget {
  const { user, host, port } = parts;
  if ((user !== undefined && !SSH_USER.test(user)) || !SSH_HOST.test(host))
    throw badInput(
      t('--target must be local, ssh://USER@HOST[:PORT] or adb[://SERIAL], not {{target}}', {
        target: JSON.stringify(shown),
      }),
      TARGET_HINT(),
    );
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw badInput(t('--target port must be 1-65535: {{target}}', { target: shown }), TARGET_HINT());
  return { kind: 'ssh', ...parts };
}

/** `local`, `ssh://USER@HOST[:PORT]` (Termux's sshd listens on 8022), `adb` or `adb://SERIAL`. */
export function parseTarget(text: string | undefined): Target {
  if (text === undefined || text === 'local') return { kind: 'local' };
  if (text === 'adb') return { kind: 'adb', serial: undefined };
  const adb = /^adb:\/\/([A-Za-z0-9._:][A-Za-z0-9._:-]{0,63})$/.exec(text);
  if (adb) return { kind: 'adb', serial: adb[1] };
  const ssh = /^ssh:\/\/([^@]*)@([^[\]:]*|\[[^\]]*\])(?::(\d{1,5}))?$/.exec(text);
  if (ssh) {
    const host = ssh[2]!.replace(/^\[(.*)\]$/, '$1');
    return sshTarget({ user: ssh[1]!, host, port: ssh[3] === undefined ? TERMUX_SSH_PORT : Number(ssh[3]) }, text);
  }
  throw badInput(
    t('--target must be local, ssh://USER@HOST[:PORT] or adb[://SERIAL], not {{target}}', {
      target: JSON.stringify(text),
    }),
    TARGET_HINT(),
  );
}

export function describeTarget(target: Target): string {
  if (target.kind === 'local') return 'local';
  if (target.kind === 'adb') return target.serial ? `adb://${target.serial}` : 'adb';
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const user = target.user === undefined ? '' : `${target.user}@`;
  return `ssh://${user}${host}${target.port === undefined ? '' : `:${target.port}`}`;
}

/** Exports that give a remote shell the device's layout (harmless on a real Termux shell, needed in a sandbox). */
function deviceExports(profile: Profile): string {
  const p = profile.paths;
  return `export PREFIX=${shQuote(p.prefix)} PM2_HOME=${shQuote(p.pm2Home)} PATH=${shQuote(p.bin)}:"$PATH"`;
}

export interface TransportOptions {
  /** An ssh_config file for the ssh client (-F), e.g. a technician's or a test's. */
  sshConfig?: string;
  /** The adb program (ADB in the environment, else adb on PATH). */
  adb?: string;
  /** ssh's KexAlgorithms for this connection (a site's cheaper key exchange: sshKexPreference). */
  kex?: string;
}

/** The key exchanges the ssh client supports (run with clientEnv(): the same ssh the sessions start). */
export const SSH_KEX_QUERY: [string, string[]] = ['ssh', ['-Q', 'kex']];

/**
 * What a site asks ssh to prefer, from `ssh -Q kex`: ML-KEM (post-quantum, and cheap) where this ssh has
 * it; else curve25519, ahead of sntrup761, which costs ~60 ms of the laptop's CPU per gateway (OpenSSH
 * 9.2): most of a site's cost. `^` puts it at the head of ssh's own list, the others stay as fallbacks.
 */
export function sshKexPreference(supported: string): string | undefined {
  const known = new Set(supported.split('\n').map((line) => line.trim()));
  if (known.has('mlkem768x25519-sha256')) return '^mlkem768x25519-sha256';
  if (known.has('curve25519-sha256')) return '^curve25519-sha256';
  return undefined;
}

/** ssh handshakes and a device's login scripts can be slow (a 20-s ~/.bashrc must still get through, with room). */
export const REMOTE_CONNECT_TIMEOUT_MS = 45_000;

/** The local shell starts without rc files: bash and zsh are told so; sh (dash) reads only $ENV, never set here. */
export function noStartupFiles(shell: string): string[] {
  const name = shell.split('/').pop() ?? '';
  if (name === 'bash') return ['--norc', '--noprofile'];
  if (name === 'zsh') return ['-f'];
  return [];
}

/** The environment of the ssh and adb clients: this machine's PATH and HOME, its ssh agent, nothing else. */
export function clientEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    LANG: 'C.UTF-8',
  };
  if (process.env.SSH_AUTH_SOCK) env.SSH_AUTH_SOCK = process.env.SSH_AUTH_SOCK;
  return env;
}

export function transportFor(target: Target, profile: Profile, options: TransportOptions = {}): TransportSpec {
  const hostEnv = clientEnv();
  switch (target.kind) {
    case 'local':
      return {
        name: 'local',
        file: profile.shell,
        args: noStartupFiles(profile.shell),

        env: { ...profile.env },
        setup: [],
        connectTimeoutMs: 5000,
      };
    case 'ssh':
      return {
        name: describeTarget(target),
        file: 'ssh',
        args: [
          '-tt',
          ...(target.port === undefined ? [] : ['-p', String(target.port)]),
          '-o',
          'BatchMode=yes',
          '-o',
          'ConnectTimeout=10',
          '-o',
          'ServerAliveInterval=5',
          '-o',
          'StrictHostKeyChecking=accept-new',
          ...(options.sshConfig ? ['-F', options.sshConfig] : []),
          ...(target.identity ? ['-i', target.identity] : []),
          ...(target.options ?? []),
          // after the inventory's own ssh args: an -o KexAlgorithms there wins (ssh takes the first value)
          ...(options.kex ? ['-o', `KexAlgorithms=${options.kex}`] : []),
          '--',
          target.user === undefined ? target.host : `${target.user}@${target.host}`,
          // A plain sh instead of the user's login shell: no profile, motd or prompt hooks to wait for
          // (a login cost ~0.4 CPU-s more here). Debian's bash still reads ~/.bashrc for ssh commands.
          'exec sh -i',
        ],
        env: hostEnv,
        setup: [deviceExports(profile)],
        connectTimeoutMs: REMOTE_CONNECT_TIMEOUT_MS,
        client: { kind: 'ssh', user: target.user ?? t('(your ssh user)'), port: target.port ?? 22 },
      };
    case 'adb':
      return {
        name: describeTarget(target),
        file: options.adb ?? process.env.ADB ?? 'adb',
        args: [...(target.serial ? ['-s', target.serial] : []), 'shell'],
        env: hostEnv,
        setup: [deviceExports(profile)],
        connectTimeoutMs: REMOTE_CONNECT_TIMEOUT_MS,
        client: { kind: 'adb', user: 'shell', port: 0 },
      };
  }
}
