import { test } from 'node:test';
import { walk } from '../helpers/walk.js';
import { PREFLIGHT, SCENARIOS } from '../helpers/walk-scenarios.js';

/**
 * The crash walk (test/helpers/walk.ts) of users add, passwd, remove, allow, deny and access set (on the
 * login profile): killed at every point each meets, then run again, the gateway ends as the command
 * wants it (the config byte for byte, the password and ACL files as asked, a round trip with the login).
 */

for (const name of ['users add', 'users passwd', 'users remove', 'users allow', 'users deny', 'access set'] as const)
  test(`crash walk: ${name}`, { timeout: 30 * 60_000 }, (t) => walk(t, SCENARIOS[name], PREFLIGHT));
