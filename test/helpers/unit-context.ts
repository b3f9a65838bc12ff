import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { assembleContext } from '../../src/context/build.js';
import type { Context } from '../../src/context/context.js';
import type { PackageManager } from '../../src/platform/packages.js';
import { resolveProfile } from '../../src/platform/profile.js';

export interface UnitContext {
  ctx: Context;
  root: string;
  /** What the run printed for people. */
  printed: string[];
  logFile: string;
}

/** A package manager that cannot install anything (unit tests never install). */
export const NO_PACKAGES: PackageManager = {
  name: 'no package manager (unit test)',
  brokerPackages: ['mosquitto'],
  installCommands: () => [],
  env: {},
  unavailable: { message: 'unit tests install nothing', hint: 'none' },
  dpkg: { dpkg: '/usr/bin/dpkg', dpkgDeb: '/usr/bin/dpkg-deb' },
  installMode: 'prefix',
};

/** A context on a temporary sandbox root, printing into an array: no root, no mosquitto, no pm2 needed. */
export function unitContext(t: TestContext, options: { dryRun?: boolean; json?: boolean } = {}): UnitContext {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmu-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const profile = resolveProfile({ root, packages: NO_PACKAGES, environment: { PATH: '/usr/bin:/bin' } }, true);
  const printed: string[] = [];
  const logFile = path.join(root, 'run.log');
  const ctx = assembleContext({
    profile,
    output: { json: options.json ?? false, verbose: false, color: false, interactive: false },
    dryRun: options.dryRun ?? false,
    logFile,
    logName: 'unit',
    print: (line) => printed.push(line),
  });
  return { ctx, root, printed, logFile };
}

/** A probe's output as the doctor's judges receive it. */
export function probe(output: string, exitCode: number | null = 0, extra: { timedOut?: boolean; ms?: number } = {}) {
  return { output, exitCode, timedOut: extra.timedOut ?? false, ms: extra.ms ?? 12 };
}
