import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';

export const MAX_VALUE_LENGTH = 512;

/**
 * Mosquitto has no quoting: a value is the rest of its line, so a newline or any control character in a
 * value would make another config line. Everything that reaches the config passes here first.
 * Returns the complaint about `field` (its name, never its value), or undefined when the value is safe.
 */
export function unsafeValueReason(value: string, field = t('the value')): string | undefined {
  if (value.length === 0) return t('{{field}} is empty', { field });
  if (value.length > MAX_VALUE_LENGTH)
    return t('{{field}} is longer than {{count}} characters', { field, count: MAX_VALUE_LENGTH });
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value))
    return t('{{field}} holds a newline or control character', { field });
  if (value.includes('\uFFFD') || !value.isWellFormed()) return t('{{field}} is not valid UTF-8 text', { field });
  if (value !== value.trim())
    return t('{{field}} starts or ends with white space (mosquitto would trim it)', { field });
  if (value.startsWith('#')) return t('{{field}} starts with "#"', { field });
  return undefined;
}

/** Throws exit 2 naming the field (never its value: it may be a secret). */
export function requireSafeValue(field: string, value: string): string {
  const reason = unsafeValueReason(value, field);
  if (reason)
    throw badInput(
      t('{{reason}}; nothing was changed', { reason }),
      t('give it as one line of plain text (no control characters, no leading #, no spaces at its ends)'),
    );
  return value;
}
