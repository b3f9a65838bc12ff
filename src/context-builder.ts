import path from 'node:path';
import { type ParsedOptions, stringOption } from './cli-options.js';
import type { CommandDef } from './commands/registry.js';
import type { Context, OutputOptions } from './context.js';
import { BackupStore } from './fsx/backups.js';
import { DeviceWriter } from './fsx/writer.js';
import { type Profile, resolveProfile } from './platform/profile.js';
import { Pm2 } from './pm2/pm2.js';
import { DryRunPlan } from './run/plan.js';
import { Runner } from './run/runner.js';
import { RunLog } from './ui/run-log.js';
import { Secrets } from './ui/secrets.js';

export interface ContextParts {
  profile: Profile;
  output: OutputOptions;
  dryRun: boolean;
  /** The run log file (undefined: no file). */
  logFile: string | undefined;
  logName: string;
  /** Echo of the log lines (--verbose). */
  echo?: (line: string) => void;
  print?: (line: string) => void;
}

/** Wires one context from its parts: the runner and the writer share the dry-run plan. */
export function assembleContext(parts: ContextParts): Context {
  const plan = new DryRunPlan(parts.dryRun);
  const runner = new Runner(plan, parts.profile.env);
  const secrets = new Secrets();
  const paths = parts.profile.paths;
  const stream = () => (parts.output.json ? process.stderr : process.stdout);
  return {
    profile: parts.profile,
    runner,
    writer: new DeviceWriter(new BackupStore(paths.backupDir, paths.root || '/'), plan),
    pm2: new Pm2(parts.profile, plan),
    plan,
    log: new RunLog(parts.logFile, parts.logName, secrets, parts.echo),
    secrets,
    output: parts.output,
    dryRun: parts.dryRun,
    print: parts.print ?? ((line) => stream().write(`${secrets.scrub(line)}\n`)),
  };
}

/** The one context of a run, from the command line: profile, runner, writer, pm2, log, output settings. */
export function buildContext(def: CommandDef, options: ParsedOptions): Context {
  const json = options.json === true;
  const dryRun = options['dry-run'] === true;
  const changesDevice = def.needsDevice || options.fix === true;
  const readsDevice = typeof def.readsDevice === 'function' ? def.readsDevice(options) : def.readsDevice === true;
  const profile = resolveProfile(
    { root: stringOption(options, 'root'), prefix: stringOption(options, 'prefix') },
    changesDevice || readsDevice,
  );
  const defaultLog = changesDevice && !dryRun ? path.join(profile.paths.logDir, `${def.path[0]}.log`) : undefined;
  const logFile = stringOption(options, 'log') ?? defaultLog;
  // no-color.org: NO_COLOR counts when set and not empty. listr2's colour helper reads it (any value).
  const color = !(options['no-color'] === true || (process.env.NO_COLOR ?? '') !== '');
  if (color) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = '1';
  // A pty without a size (some adb shells) reports 0 columns: listr2 would wrap every character.
  const interactive = Boolean(process.stdout.isTTY) && (process.stdout.columns ?? 0) >= 40 && !json;
  return assembleContext({
    profile,
    output: { json, verbose: options.verbose === true, color, interactive },
    dryRun,
    logFile: logFile ? path.resolve(logFile) : undefined,
    logName: def.path.join('-'),
    ...(options.verbose === true ? { echo: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  });
}
