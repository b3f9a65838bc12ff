import type { Catalog } from '../translate.js';

/** Polish for the messages of src/config. */
export const CONFIG: Catalog = {};
