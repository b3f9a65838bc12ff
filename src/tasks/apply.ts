import { brokersServing } from '../broker/orphans.js';
import { isListening } from '../broker/port.js';
import { describePortHolder } from '../broker/port-holder.js';
import { changedLines, diffSummary } from '../config/diff.js';
import { FACTORY_PORT } from '../config/factory.js';
import { type LoadedConfig, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import { holdsSecret, redactConfig } from '../config/redact.js';
import type { Context } from '../context/context.js';
import { sha256 } from '../fsx/backups.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput, failed } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { localTarget } from '../network/listener-target.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { beginChange, fileBefore } from './journal.js';
import { describeIssues, lanListenerProblem, validateCandidate } from './validate.js';

/** One change of the config: how the new text is made from the one on disk, and how it is checked. */
export interface ConfigChange extends ApplyPolicy {
  /** The command making it ("config apply", "bridge add", …): its journal says so. */
  command: string;
  /** Names the backups this run makes ("apply", "bridge-add", …). */
  reason: string;
  /** The file named in validation messages (the user's candidate file; default the device config). */
  label?: string;
  /** The new config from the one on disk, read under the run lock (no text: nothing to change, and why). */
  compose(current: string | undefined): Composed;
}

export interface Composed {
  /** The whole new config; undefined when there is nothing to change. */
  text?: string;
  /** What the change is, for the step's line ("from my.conf", "bridge supla added"). */
  detail: string;
}

export interface ApplyPolicy {
  /** Warnings refuse the config too. */
  strict?: boolean;
  /** Accept a config without a listener the LAN can reach. */
  allowLocalOnly?: boolean;
}

/** A new listener port that another program already holds would only fail after the write: refuse first. */
async function refuseTakenPorts(ctx: Context, candidate: LoadedConfig): Promise<void> {
  const current = await readConfigFile(ctx.profile.paths.configFile);
  const ours = new Set(current.ok ? current.config.model.listeners.map((l) => l.port) : []);
  const broker = await ctx.pm2.find(PROCESS_NAME);
  // Our broker holds the current ports: under pm2, or orphaned by a killed pm2 daemon (replaced on restart).
  const ourBrokerRuns = broker?.status === 'online' || (await brokersServing(ctx.profile.paths.configFile)).length > 0;
  for (const listener of candidate.model.listeners) {
    if (listener.port === 0 || (ours.has(listener.port) && ourBrokerRuns)) continue;
    if (await isListening(listener.port)) {
      const { port } = listener;
      throw failed(
        t('port {{port}} is in use by {{holder}}; nothing was changed', {
          port,
          holder: await describePortHolder(port),
        }),
        t("find it with: ss -ltnp 'sport = :{{port}}'", { port }),
      );
    }
  }
}

/** A config holding a password is 0600 (the contract); any other keeps the mode it had (new ones 0644). */
export const configMode = (text: string, had: number | undefined) => (holdsSecret(text) ? 0o600 : (had ?? 0o644));

const NOTHING = () => skipped(t('nothing to change'));

/** The new config, composed from the one on disk under the lock (a bridge added to what is there, say). */
export function composeStep(ctx: Context, change: ConfigChange): Step {
  return {
    id: 'config.compose',
    title: t('New config'),
    run: async () => {
      const composed = change.compose(await readText(ctx.profile.paths.configFile));
      if (composed.text === undefined) return done(composed.detail);
      return done(composed.detail, false, { learned: { candidate: composed.text } });
    },
  };
}

export function validateStep(ctx: Context, request: ConfigChange): Step {
  return {
    id: 'config.validate',
    title: t('Validate the new config'),
    run: async (facts) => {
      if (facts.candidate === undefined) return NOTHING();
      const label = request.label ?? ctx.profile.paths.configFile;
      // a dry run that would make files first: checked with its throwaway copies of them
      const text = Object.entries(ctx.dryRun ? (facts.standIns ?? {}) : {}).reduce(
        (candidate, [file, copy]) => candidate.split(file).join(copy),
        facts.candidate,
      );
      const validation = await validateCandidate(ctx, text, label, { strict: request.strict ?? false });
      if (validation.errors.length) {
        throw badInput(
          t('{{issues}}; nothing was changed', { issues: describeIssues(validation.errors) }),
          t('fix the line named and run again'),
        );
      }
      const policy = request.allowLocalOnly ? undefined : lanListenerProblem(validation.config.model);
      if (policy) {
        throw badInput(
          t('the config is refused: {{policy}}, so LAN devices could not connect; nothing was changed', { policy }),
          t('add a listener such as "listener {{port}} 0.0.0.0", or pass --allow-local-only when that is intended', {
            port: FACTORY_PORT,
          }),
        );
      }
      for (const warning of validation.warnings) ctx.log.write(`warning: ${formatIssue(warning)}`);
      await refuseTakenPorts(ctx, validation.config);
      const target = localTarget(validation.config.model, facts.target.port);
      const valid =
        validation.depth === 'trial'
          ? t('valid (model and a trial start of mosquitto)')
          : t('valid (model; mosquitto not found for a trial start)');
      const first = validation.warnings[0];
      const count = validation.warnings.length;
      const warned = first
        ? `; ${t('{{count}} warning(s), first: {{issue}}', { count, issue: formatIssue(first) })}`
        : '';
      return done(`${valid}${warned}`, false, { learned: { target } });
    },
  };
}

export function writeStep(ctx: Context, request: ConfigChange): Step {
  const file = ctx.profile.paths.configFile;
  return {
    id: 'config.write',
    title: t('Back up and write'),
    run: async (facts) => {
      const text = facts.candidate;
      if (text === undefined) return NOTHING();
      const current = await readText(file);
      // The same text: nothing to write (a broker still serving an older one is seen by broker.restart).
      if (current === text) return done(t('the config already is this; nothing written'));
      // The way back first (the config as it is, backed up with its mode), then the intent, then the write.
      const before = await fileBefore(ctx, file, request.reason);
      const change = {
        kind: 'config',
        file,
        from: before,
        to: sha256(text),
        undo: true,
        reason: request.reason,
      } as const;
      await beginChange(ctx, request.command, change);
      await ctx.writer.write(file, text, { mode: configMode(text, before?.mode), reason: request.reason });
      const summary = diffSummary(current ?? '', text);
      if (ctx.dryRun)
        for (const line of changedLines(redactConfig(current ?? ''), redactConfig(text))) ctx.plan.add(`diff ${line}`);
      const detail = ctx.dryRun
        ? t('dry-run: would write ({{summary}})', { summary })
        : before?.backup
          ? t('wrote {{file}} ({{summary}}), backup {{backup}}', { file, summary, backup: before.backup })
          : t('wrote {{file}} ({{summary}})', { file, summary });
      return done(detail, true, { needsRestart: 'config-changed' });
    },
  };
}
