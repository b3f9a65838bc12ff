import { pbkdf2Sync, randomBytes, timingSafeEqual } from '../run/lazy-builtins.js';

/**
 * mosquitto 2's password file lines, `user:$7$ITERATIONS$SALT$HASH` (PBKDF2-SHA512, 12-byte salt, the
 * format and iteration count mosquitto_passwd writes). Made here so the plain password never touches the
 * disk or a command line (`mosquitto_passwd -b` takes it on argv; `-U` needs it in a file first).
 */
const ITERATIONS = 101;

export function hashPassword(password: string, salt = randomBytes(12), iterations = ITERATIONS): string {
  const hash = pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function passwordLine(username: string, password: string): string {
  return `${username}:${hashPassword(password)}`;
}

/** Whether the file already holds `username` with this very password. */
export function holdsPassword(fileText: string, username: string, password: string): boolean {
  for (const line of fileText.split('\n')) {
    const at = line.indexOf(':');
    if (at === -1 || line.slice(0, at) !== username) continue;
    const [, kind, iterations, salt, hash] = line.slice(at + 1).split('$');
    if (kind !== '7' || !iterations || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = pbkdf2Sync(password, Buffer.from(salt, 'base64'), Number(iterations), expected.length, 'sha512');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  return false;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** The user names of a password file, in order (lines without a colon are not users). */
export function passwordUsers(fileText: string | undefined): string[] {
  return (fileText ?? '')
    .split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => line.slice(0, line.indexOf(':')));
}

/** The file with `username` left out (every other line byte for byte). */
export function withoutUser(fileText: string | undefined, username: string): string {
  const lines = (fileText ?? '').split('\n').filter((line) => line !== '' && !line.startsWith(`${username}:`));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The file with `username` set to this password: its line replaced in place, or added at the end. */
export function withUser(fileText: string | undefined, username: string, password: string): string {
  const lines = (fileText ?? '').split('\n').filter((line) => line !== '');
  const at = lines.findIndex((line) => line.startsWith(`${username}:`));
  if (at === -1) lines.push(passwordLine(username, password));
  else lines[at] = passwordLine(username, password);
  return `${lines.join('\n')}\n`;
}
