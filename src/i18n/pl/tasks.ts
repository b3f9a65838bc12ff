import type { Catalog } from '../translate.js';

/** Polish for src/tasks, fsx, platform, pm2, broker, mosquitto, run, pty, errors.ts, fault.ts, context*.ts. */
export const TASKS: Catalog = {};
