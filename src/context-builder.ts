import path from 'node:path';
import { stringOption, type ParsedOptions } from './cli-options.js';
import type { CommandDef } from './commands/registry.js';
import type { Context } from './context.js';
import { resolveProfile } from './platform/profile.js';
import { Pm2 } from './pm2/pm2.js';
import { Runner } from './run/runner.js';
import { RunLog } from './ui/run-log.js';
import { Secrets } from './ui/secrets.js';

/** The one context of a run: profile, runner, pm2, log, output settings. */
export function buildContext(def: CommandDef, options: ParsedOptions): Context {
  const json = options.json === true;
  const dryRun = options['dry-run'] === true;
  const changesDevice = def.needsDevice || options.fix === true;
  const profile = resolveProfile({ root: stringOption(options, 'root'), prefix: stringOption(options, 'prefix') }, changesDevice);
  const runner = new Runner(dryRun);
  const secrets = new Secrets();
  const name = def.path.join('-');
  const logFile = stringOption(options, 'log') ?? (changesDevice && !dryRun ? path.join(profile.paths.logDir, `${def.path[0]}.log`) : undefined);
  const verbose = options.verbose === true;
  const log = new RunLog(logFile ? path.resolve(logFile) : undefined, name, secrets, verbose ? (line) => process.stderr.write(`${line}\n`) : undefined);
  const color = !(options['no-color'] === true || process.env.NO_COLOR !== undefined);
  if (!color) process.env.NO_COLOR = '1'; // listr2 and its colour helper read it
  return {
    profile,
    runner,
    pm2: new Pm2(profile, runner),
    log,
    secrets,
    // A pty without a size (some adb shells) reports 0 columns: listr2 would wrap every character.
    output: { json, verbose, color, interactive: Boolean(process.stdout.isTTY) && (process.stdout.columns ?? 0) >= 40 && !json },
    dryRun,
    print: (line) => (json ? process.stderr : process.stdout).write(`${secrets.scrub(line)}\n`),
  };
}
