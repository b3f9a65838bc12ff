import coerce from 'semver/functions/coerce.js';
import gte from 'semver/functions/gte.js';

/**
 * Version floors with semver, loading only the two functions used (the whole package costs a noticeable
 * part of a start). Versions are coerced first: Debian's "2.0.11-1.2+deb12u2" is a prerelease to semver.
 */
export function coerceVersion(text: string): string | undefined {
  return coerce(text)?.version;
}

export function atLeast(version: string, floor: string): boolean {
  const coerced = coerce(version);
  return coerced !== null && gte(coerced, floor);
}
