import type { Catalog } from '../translate.js';
import { CHECKS } from './checks.js';
import { CLI } from './cli.js';
import { CONFIG } from './config.js';
import { FLEET } from './fleet.js';
import { PACKAGES } from './packages.js';
import { REMOTE } from './remote.js';
import { TASKS } from './tasks.js';

/** The Polish catalog: one module per part of the program, merged here. */
export const PL: Catalog = { ...CLI, ...CHECKS, ...CONFIG, ...TASKS, ...REMOTE, ...PACKAGES, ...FLEET };
