import type { Catalog } from '../translate.js';

/** Polish for src/cli.ts, cli-options.ts, src/commands and src/ui (help texts, prompts, printed lines). */
export const CLI: Catalog = {};
