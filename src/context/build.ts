import path from 'node:path';
import { BackupStore } from '../fsx/backups.js';
import { DeviceWriter } from '../fsx/writer.js';
import { type Profile, resolveProfile } from '../platform/profile.js';
import { Pm2 } from '../pm2/pm2.js';
import { DryRunPlan } from '../run/plan.js';
import { Runner } from '../run/runner.js';
import { RunLog } from '../ui/run-log.js';
import { Secrets } from '../ui/secrets.js';
import type { Context, OutputOptions } from './context.js';

export interface ContextParts {
  profile: Profile;
  output: OutputOptions;
  dryRun: boolean;
  /** The run log file (undefined: no file). */
  logFile: string | undefined;
  logName: string;
  /** Where a bug's stack goes when the run keeps no log of its own. */
  crashLog?: string;
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
    writer: new DeviceWriter(new BackupStore(paths.backupDir, paths.root || '/', paths.configFile), plan),
    pm2: new Pm2(parts.profile, plan),
    plan,
    log: new RunLog(parts.logFile, parts.logName, secrets, parts.echo, parts.crashLog),
    secrets,
    output: parts.output,
    dryRun: parts.dryRun,
    print: parts.print ?? ((line) => stream().write(`${secrets.scrub(line)}\n`)),
  };
}

/** What the command line says of one run, as plain values (the CLI reads them from its options). */
export interface RunSettings {
  /** The command's name: its run log is COMMAND.log. */
  command: string[];
  root: string | undefined;
  prefix: string | undefined;
  json: boolean;
  dryRun: boolean;
  verbose: boolean;
  noColor: boolean;
  /** --log FILE. */
  log: string | undefined;
  /** The command changes the device (a run log by default) or reads it (a gateway must be here). */
  changesDevice: boolean;
  readsDevice: boolean;
  /** The gateways are elsewhere (ssh, adb, a site): --root/--prefix are their layout, this machine's says nothing. */
  remote: boolean;
}

/** The one context of a run: profile, runner, writer, pm2, log, output settings. */
export function buildContext(run: RunSettings): Context {
  const layout = { root: run.root, prefix: run.prefix, ...(run.remote ? { environment: {} } : {}) };
  const profile = resolveProfile(layout, run.changesDevice || run.readsDevice);
  const name = `${run.command[0]}.log`;
  const defaultLog = run.changesDevice && !run.dryRun ? path.join(profile.paths.logDir, name) : undefined;
  const logFile = run.log ?? defaultLog;
  // no-color.org: NO_COLOR counts when set and not empty. listr2's colour helper reads it (any value).
  const color = !(run.noColor || (process.env.NO_COLOR ?? '') !== '');
  if (color) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = '1';
  // A pty without a size (some adb shells) reports 0 columns: listr2 would wrap every character.
  const interactive = Boolean(process.stdout.isTTY) && (process.stdout.columns ?? 0) >= 40 && !run.json;
  return assembleContext({
    profile,
    output: { json: run.json, verbose: run.verbose, color, interactive },
    dryRun: run.dryRun,
    logFile: logFile ? path.resolve(logFile) : undefined,
    // A bug's stack needs a home even in a run that keeps no log (status, say): its command's log file.
    ...(profile.present && !logFile ? { crashLog: path.join(profile.paths.logDir, name) } : {}),
    logName: run.command.join('-'),
    ...(run.verbose ? { echo: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  });
}
