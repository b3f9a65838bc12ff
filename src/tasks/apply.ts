import { brokersServing } from '../broker/orphans.js';
import { isListening } from '../broker/port.js';
import { describePortHolder } from '../broker/port-holder.js';
import { changedLines, diffSummary } from '../config/diff.js';
import { FACTORY_PORT } from '../config/factory.js';
import { type LoadedConfig, loadConfigText, readConfigFile } from '../config/load.js';
import { formatIssue } from '../config/model.js';
import { holdsSecret, redactConfig } from '../config/redact.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/writer.js';
import { t } from '../i18n/translate.js';
import { badInput, failed } from '../model/errors.js';
import { describeReasons, done, type RunFacts, type Step, skipped } from '../model/steps.js';
import { localTarget } from '../network/listener-target.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { restartBroker, runsOlderConfig } from './broker-process.js';
import { describeIssues, lanListenerProblem, validateCandidate } from './validate.js';
import { verifyBroker } from './verify.js';

/** One change of the config: how the new text is made from the one on disk, and how it is checked. */
export interface ConfigChange extends ApplyPolicy {
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

const fileMode = (text: string) => (holdsSecret(text) ? 0o600 : 0o644);

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
      const validation = await validateCandidate(ctx, facts.candidate, label, { strict: request.strict ?? false });
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
      if (current === text) {
        const broker = await ctx.pm2.find(PROCESS_NAME);
        if (await runsOlderConfig(file, broker)) {
          return done(
            t('the config already is this, but the broker started before it was written: it restarts to read it'),
            false,
            {
              needsRestart: 'config-newer-than-broker',
            },
          );
        }
        return done(t('the config already is this; nothing written'));
      }
      const written = await ctx.writer.write(file, text, { mode: fileMode(text), reason: request.reason });
      const summary = diffSummary(current ?? '', text);
      if (ctx.dryRun)
        for (const line of changedLines(redactConfig(current ?? ''), redactConfig(text))) ctx.plan.add(`diff ${line}`);
      const detail = ctx.dryRun
        ? t('dry-run: would write ({{summary}})', { summary })
        : written.backupId
          ? t('wrote {{file}} ({{summary}}), backup {{backup}}', { file, summary, backup: written.backupId })
          : t('wrote {{file}} ({{summary}})', { file, summary });
      return done(detail, true, {
        needsRestart: 'config-changed',
        ...(current === undefined ? {} : { learned: { replacedConfig: current } }),
      });
    },
  };
}

/** Puts the replaced config back (the rejected one is kept as a backup), restarts and verifies. */
async function rollBack(ctx: Context, facts: Readonly<RunFacts>, reason: string): Promise<void> {
  const file = ctx.profile.paths.configFile;
  await ctx.writer.backup(`${reason}-rejected`, [file]);
  const previous = facts.replacedConfig;
  if (previous === undefined) {
    throw failed(
      t('the new config did not come up and there was no previous config to put back'),
      t('run: gate-mqtt reset'),
    );
  }
  await ctx.writer.write(file, previous, { mode: fileMode(previous), reason: `${reason}-rejected` });
  const config = await loadConfigText(previous, file);
  try {
    await restartBroker(ctx);
    await verifyBroker(ctx, { ...facts, target: localTarget(config.model, facts.target.port), brokerStarted: true });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw failed(
      t(
        'the new config did not come up, and after putting the previous one back the broker still does not answer: {{why}}',
        { why },
      ),
      t('run: gate-mqtt doctor, or gate-mqtt reset'),
    );
  }
}

export function restartStep(ctx: Context, request: ConfigChange): Step {
  return {
    id: 'broker.restart',
    title: t('Restart and verify'),
    run: async (facts) => {
      if (facts.restartReasons.length === 0) return skipped(t('nothing changed: the broker was not restarted'));
      const command = ctx.pm2.describe(['restart', PROCESS_NAME]);
      if (ctx.dryRun) {
        const reasons = describeReasons(facts.restartReasons);
        return skipped(t('dry-run: would run {{command}} ({{reasons}}) and a round trip', { command, reasons }));
      }
      try {
        const reasons = [...facts.restartReasons, ...(await restartBroker(ctx))];
        const verified = await verifyBroker(ctx, { ...facts, brokerStarted: true });
        return done(t('restarted ({{reasons}}); {{verified}}', { reasons: describeReasons(reasons), verified }), true, {
          restarted: reasons,
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        await rollBack(ctx, facts, request.reason);
        throw failed(
          t('the new config did not come up ({{why}}); the previous config was put back and the broker answers', {
            why,
          }),
          t('check the new config with: gate-mqtt config validate FILE'),
        );
      }
    },
  };
}
