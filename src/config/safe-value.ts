import { badInput } from '../errors.js';

export const MAX_VALUE_LENGTH = 512;

/**
 * Mosquitto has no quoting: a value is the rest of its line, so a newline or any control character in a
 * value would make another config line. Everything that reaches the config passes here first.
 * Returns the complaint, or undefined when the value is safe.
 */
export function unsafeValueReason(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_VALUE_LENGTH) return `is longer than ${MAX_VALUE_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return 'holds a newline or control character';
  if (value.includes('\uFFFD') || !value.isWellFormed()) return 'is not valid UTF-8 text';
  if (value !== value.trim()) return 'starts or ends with white space (mosquitto would trim it)';
  if (value.startsWith('#')) return 'starts with "#"';
  return undefined;
}

/** Throws exit 2 naming the field (never its value: it may be a secret). */
export function requireSafeValue(field: string, value: string): string {
  const reason = unsafeValueReason(value);
  if (reason) throw badInput(`${field} ${reason}; nothing was changed`);
  return value;
}
