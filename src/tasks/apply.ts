import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import { badInput, failed } from '../errors.js';
import { localTarget } from '../config/listener-target.js';
import { decodeConfig, errors, loadConfigText, readConfigFile, type LoadedConfig } from '../config/load.js';
import { isListening } from '../broker/port.js';
import { formatIssue, type ConfIssue } from '../config/model.js';
import { holdsSecret, redactConfig } from '../config/redact.js';
import { missingFiles } from '../config/referenced-files.js';
import { writeFileAtomic } from '../fsx/atomic-write.js';
import { backupStore, readText, writeDeviceFile } from '../fsx/device-files.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { trialStart } from '../mosquitto/trial.js';
import { PROCESS_NAME } from '../pm2/pm2.js';
import { done, skipped, type Step } from '../ui/steps.js';
import { changedLines, diffSummary } from '../config/diff.js';
import { runsOlderConfig } from './staleness.js';
import type { RunState } from './state.js';
import { verifyBroker } from './verify.js';

export interface Validation {
  config: LoadedConfig;
  issues: ConfIssue[];
  /** How far it was checked: the model only, or also a trial start of the real broker. */
  depth: 'model' | 'trial';
}

/** Checks a candidate config in two steps: the model (syntax, options, files it names), then a trial start. */
export async function validateCandidate(ctx: Context, text: string, file = ctx.profile.paths.configFile): Promise<Validation> {
  const decoded = decodeConfig(Buffer.from(text, 'utf8'));
  if (!decoded.ok) {
    const config = await loadConfigText('', file);
    return { config, issues: [{ file, line: 1, severity: 'error', message: decoded.message }], depth: 'model' };
  }
  const config = await loadConfigText(text, file);
  const issues = [...errors(config), ...(await missingFiles(config.entries))];
  if (issues.length) return { config, issues, depth: 'model' };
  const mosquitto = await findMosquitto(ctx.profile);
  if (!mosquitto) return { config, issues, depth: 'model' };
  const trial = await trialStart(ctx.runner, mosquitto, config.entries);
  return { config, issues: trial.ok ? [] : [trial.issue], depth: 'trial' };
}

/** A new listener port that another program already holds would only fail after the write: refuse first. */
async function refuseTakenPorts(ctx: Context, candidate: LoadedConfig): Promise<void> {
  const current = await readConfigFile(ctx.profile.paths.configFile);
  const ours = new Set(current.ok ? current.config.model.listeners.map((l) => l.port) : []);
  const broker = await ctx.pm2.find(PROCESS_NAME, !ctx.dryRun);
  for (const listener of candidate.model.listeners) {
    if (listener.port === 0 || (ours.has(listener.port) && broker?.status === 'online')) continue;
    if (await isListening(listener.port)) throw failed(`port ${listener.port} is in use by another program; nothing was changed`, `find it with: ss -ltnp 'sport = :${listener.port}'`);
  }
}

export function describeIssues(issues: ConfIssue[]): string {
  const [first, ...rest] = issues;
  return `${first ? formatIssue(first) : 'invalid'}${rest.length ? ` (and ${rest.length} more: see gate-mqtt config validate)` : ''}`;
}

/** Restarts `mqtt` (a full restart: mosquitto does not reload bridges on SIGHUP), or starts it again from its definition. */
export async function restartBroker(ctx: Context, state: RunState): Promise<void> {
  const current = await ctx.pm2.find(PROCESS_NAME);
  if (current) await ctx.pm2.restart(PROCESS_NAME);
  else if (existsSync(ctx.profile.paths.pm2Definition)) await ctx.pm2.startDefinition(ctx.profile.paths.pm2Definition);
  else throw failed(`pm2 has no process "${PROCESS_NAME}" and no definition was written`, 'run: gate-mqtt provision');
  state.startedByUs = true;
}

export interface ApplyState extends RunState {
  candidate?: string;
  previous?: string;
  unchanged?: boolean;
}

/**
 * Validate, back up, write atomically, restart, prove the broker answers; when it does not, put the
 * previous file back, restart and verify again. The rejected candidate is kept as a backup too.
 */
export function applySteps(ctx: Context, state: ApplyState, reason: string, candidate: () => Promise<string>, label?: string): Step[] {
  const file = ctx.profile.paths.configFile;
  return [
    {
      id: 'config.validate',
      title: 'Validate the new config',
      run: async () => {
        const text = await candidate();
        const validation = await validateCandidate(ctx, text, label ?? file);
        if (validation.issues.length) throw badInput(`${describeIssues(validation.issues)}; nothing was changed`, 'fix the line named and run again');
        state.candidate = text;
        await refuseTakenPorts(ctx, validation.config);
        const target = localTarget(validation.config.model, state.port);
        state.port = target.port;
        state.host = target.host;
        return done(validation.depth === 'trial' ? 'valid (model and a trial start of mosquitto)' : 'valid (model; mosquitto not found for a trial start)');
      },
    },
    {
      id: 'config.write',
      title: 'Back up and write',
      run: async () => {
        const text = state.candidate ?? '';
        const current = await readText(file);
        if (current === text) {
          const broker = await ctx.pm2.find(PROCESS_NAME, !ctx.dryRun);
          if (await runsOlderConfig(file, broker)) return done('the config already is this, but the broker started before it was written: it restarts to read it');
          state.unchanged = true;
          return done('the config already is this; nothing written');
        }
        state.previous = current;
        const written = await writeDeviceFile(ctx, file, text, { mode: holdsSecret(text) ? 0o600 : 0o644, reason });
        const summary = diffSummary(current ?? '', text);
        if (ctx.dryRun) for (const line of changedLines(redactConfig(current ?? ''), redactConfig(text))) ctx.runner.plan(`diff ${line}`);
        return done(ctx.dryRun ? `dry-run: would write (${summary})` : `wrote ${file} (${summary})${written.backupId ? `, backup ${written.backupId}` : ''}`, true);
      },
    },
    {
      id: 'broker.restart',
      title: 'Restart and verify',
      run: async () => {
        if (state.unchanged) return skipped('nothing changed: the broker was not restarted');
        if (ctx.dryRun) return skipped(`dry-run: would run ${ctx.pm2.describe(['restart', PROCESS_NAME])} and a round trip`);
        try {
          await restartBroker(ctx, state);
          return done(await verifyBroker(ctx, state), true);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          await rollBack(ctx, state, reason);
          throw failed(`the new config did not come up (${why}); the previous config was put back and the broker answers`, 'check the new config with: gate-mqtt config validate FILE');
        }
      },
    },
  ];
}

async function rollBack(ctx: Context, state: ApplyState, reason: string): Promise<void> {
  const file = ctx.profile.paths.configFile;
  await backupStore(ctx).save(`${reason}-rejected`, [file]);
  if (state.previous === undefined) throw failed('the new config did not come up and there was no previous config to put back', 'run: gate-mqtt reset');
  await writeFileAtomic(file, state.previous, { mode: holdsSecret(state.previous) ? 0o600 : 0o644 });
  const config = await loadConfigText(state.previous, file);
  Object.assign(state, localTarget(config.model, state.port));
  try {
    await restartBroker(ctx, state);
    await verifyBroker(ctx, state);
  } catch (error) {
    throw failed(`the new config did not come up, and after putting the previous one back the broker still does not answer: ${error instanceof Error ? error.message : String(error)}`, 'run: gate-mqtt doctor, or gate-mqtt reset');
  }
}
