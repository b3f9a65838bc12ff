import { createRequire } from 'node:module';

/**
 * Node's modules that cost milliseconds to load, loaded on first use: `status`, run at every check of a
 * gateway, neither starts a program (child_process, ~8 ms) nor hashes or draws random bytes (crypto, ~5 ms).
 */
const load = createRequire(import.meta.url);

export const childProcess = (): typeof import('node:child_process') => load('node:child_process');

const crypto = (): typeof import('node:crypto') => load('node:crypto');

export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
export const createHash = (algorithm: string) => crypto().createHash(algorithm);
export const pbkdf2Sync: typeof import('node:crypto').pbkdf2Sync = (...args) => crypto().pbkdf2Sync(...args);
export const timingSafeEqual: typeof import('node:crypto').timingSafeEqual = (...args) =>
  crypto().timingSafeEqual(...args);
