/**
 * Quotes a value for a POSIX shell (dash, Termux's sh, busybox, bash): single quotes around it, each
 * single quote inside written as '\''. Safe for any byte string, including newlines; what the shell
 * reads back is exactly the value. (zx's quote writes bash's $'…', which dash reads as a literal "$".)
 */
export function shQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
