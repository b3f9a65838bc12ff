import { stat } from 'node:fs/promises';
import { describeOrphans, orphanBrokers, stopProcesses } from '../broker/orphans.js';
import { isListening } from '../broker/port.js';
import { describePortHolder } from '../broker/port-holder.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { describeReasons, done, type RestartReason, type Step } from '../model/steps.js';
import type { ProcInfo } from '../platform/proc.js';
import { type BrokerDefinition, brokerDefinition, definitionFile, matchesDefinition } from '../pm2/definition.js';
import { type Pm2Process, PROCESS_NAME } from '../pm2/process-list.js';

/** pm2 keeps the broker's log open in append mode; above this size it is rotated (one old file kept). */
export const MAX_BROKER_LOG_BYTES = 1024 * 1024;

export type BrokerAction = { kind: 'keep' } | { kind: 'start' | 'restart'; reasons: RestartReason[] };

/**
 * What to do with the broker, from what pm2 shows and why this run may need a restart: keep a healthy
 * broker that runs this definition when nothing asks for a restart; otherwise (re)start it, naming why.
 */
export function planBrokerAction(input: {
  current: Pm2Process | undefined;
  definition: BrokerDefinition;
  definitionWritten: boolean;
  pending: readonly RestartReason[];
  configNewerThanBroker: boolean;
  /** Brokers serving this config outside pm2 were found (they are stopped first). */
  orphans?: boolean;
}): BrokerAction {
  const { current, definition } = input;
  if (!current) return { kind: 'start', reasons: input.orphans ? ['broker-down', 'orphan-replaced'] : ['broker-down'] };
  const reasons = new Set<RestartReason>(input.pending);
  if (input.orphans) reasons.add('orphan-replaced');
  if (current.status !== 'online') reasons.add('broker-down');
  if (current.execPath !== definition.script) reasons.add('binary-changed');
  else if (input.definitionWritten || !matchesDefinition(current, definition)) reasons.add('definition-changed');
  if (input.configNewerThanBroker) reasons.add('config-newer-than-broker');
  return reasons.size ? { kind: 'restart', reasons: [...reasons] } : { kind: 'keep' };
}

/**
 * True when the running broker started before its config was last written (a run killed between the
 * write and the restart, or a hand edit): it still serves the old config and must restart to converge.
 */
export async function runsOlderConfig(configFile: string, broker: Pm2Process | undefined): Promise<boolean> {
  if (!broker?.uptimeSince) return false;
  const info = await stat(configFile).catch(() => undefined);
  return info !== undefined && info.mtimeMs > broker.uptimeSince;
}

/** The broker under pm2 as `mqtt`: started, or restarted for a recorded reason; else left alone. */
export function brokerProcessStep(ctx: Context): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.process',
    title: t('pm2 process "{{name}}"', { name: PROCESS_NAME }),
    run: async (facts) => {
      if (!facts.mosquitto) throw failed(t('no mosquitto binary to run'));
      const definition = brokerDefinition(profile, facts.mosquitto);
      const written = await ctx.writer.write(profile.paths.pm2Definition, definitionFile(definition), {
        reason: 'pm2-definition',
      });
      await ctx.writer.rotate(profile.paths.brokerLog, MAX_BROKER_LOG_BYTES);
      const current = await pm2.find(PROCESS_NAME);
      const orphans = await orphanBrokers(profile.paths.configFile, pm2Pid(current));
      const action = planBrokerAction({
        current,
        definition,
        definitionWritten: written.changed,
        pending: facts.restartReasons,
        configNewerThanBroker: await runsOlderConfig(profile.paths.configFile, current),
        orphans: orphans.length > 0,
      });
      if (action.kind === 'keep' && current) {
        return done(
          t('online (pid {{pid}}, {{count}} restarts)', { pid: current.pid, count: current.restarts }),
          false,
          {
            learned: { broker: current },
          },
        );
      }
      if (action.kind === 'keep') throw new Error('internal: no broker to keep');
      await replaceOrphans(ctx, orphans);
      const { host, port } = facts.target;
      if (!ctx.dryRun && current?.status !== 'online' && (await isListening(port, host))) {
        throw failed(
          t('port {{port}} is in use by {{holder}}; it was left alone and the broker was not started', {
            port,
            holder: await describePortHolder(port),
          }),
          t("find it with: ss -ltnp 'sport = :{{port}}'", { port }),
        );
      }
      if (current) await pm2.remove(PROCESS_NAME);
      await pm2.startDefinition(profile.paths.pm2Definition);
      const reasons = describeReasons(action.reasons);
      const detail =
        action.kind === 'start'
          ? ctx.dryRun
            ? t('dry-run: would be started: {{reasons}}', { reasons })
            : t('started: {{reasons}}', { reasons })
          : ctx.dryRun
            ? t('dry-run: would be restarted: {{reasons}}', { reasons })
            : t('restarted: {{reasons}}', { reasons });
      return done(detail, true, {
        restarted: action.reasons,
        learned: { brokerStarted: true, processListChanged: true },
      });
    },
  };
}

/** The pid pm2 runs the broker as (0 in pm2 means none): a broker with another pid is not pm2's. */
const pm2Pid = (current: Pm2Process | undefined) => (current?.pid ? current.pid : undefined);

/** Stops brokers that serve this config outside pm2 (in dry-run: says it would). */
async function replaceOrphans(ctx: Context, orphans: ProcInfo[]): Promise<void> {
  if (orphans.length === 0) return;
  if (ctx.dryRun) {
    ctx.plan.add(t('stop the broker outside pm2 ({{processes}})', { processes: describeOrphans(orphans) }));
    return;
  }
  ctx.log.write(
    t('stopping brokers outside pm2 that serve this config: {{processes}}', { processes: describeOrphans(orphans) }),
  );
  await stopProcesses(orphans);
}

/**
 * Restarts `mqtt` for a recorded reason (a full restart: mosquitto does not reload bridges on SIGHUP),
 * or starts it again from its definition when pm2 has lost it. Brokers serving the config outside pm2
 * are stopped first; the reasons this adds are returned.
 */
export async function restartBroker(ctx: Context): Promise<RestartReason[]> {
  const current = await ctx.pm2.find(PROCESS_NAME);
  const orphans = await orphanBrokers(ctx.profile.paths.configFile, pm2Pid(current));
  await replaceOrphans(ctx, orphans);
  if (current?.status === 'online') {
    await ctx.pm2.restart(PROCESS_NAME);
    return orphans.length ? ['orphan-replaced'] : [];
  }
  // Stopped, crashed or lost: pm2 refuses to restart a process it still half remembers, so it is
  // started afresh from its definition.
  if (!(await stat(ctx.profile.paths.pm2Definition).catch(() => undefined))) {
    throw failed(
      t('pm2 has no process "{{name}}" and no definition was written', { name: PROCESS_NAME }),
      t('run: gate-mqtt provision'),
    );
  }
  if (current) await ctx.pm2.remove(PROCESS_NAME);
  await ctx.pm2.startDefinition(ctx.profile.paths.pm2Definition);
  return orphans.length ? ['orphan-replaced'] : [];
}
