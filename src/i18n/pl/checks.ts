import type { Catalog } from '../translate.js';

/** Polish for the messages of src/checks and src/network. */
export const CHECKS: Catalog = {};
