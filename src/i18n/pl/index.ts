import type { Catalog } from '../translate.js';
import { ANDROID } from './android.js';
import { CHECKS } from './checks.js';
import { CLI } from './cli.js';
import { CONFIG } from './config.js';
import { FLEET } from './fleet.js';
import { KEEPER } from './keeper.js';
import { LISTENERS } from './listeners.js';
import { PACKAGES } from './packages.js';
import { PERSISTENCE } from './persistence.js';
import { REMOTE } from './remote.js';
import { TASKS } from './tasks.js';
import { USERS } from './users.js';

/** The Polish catalog: one module per part of the program, merged here. */
export const PL: Catalog = {
  ...CLI,
  ...CHECKS,
  ...CONFIG,
  ...TASKS,
  ...REMOTE,
  ...PACKAGES,
  ...FLEET,
  ...ANDROID,
  ...PERSISTENCE,
  ...KEEPER,
  ...LISTENERS,
  ...USERS,
};
