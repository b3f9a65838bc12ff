import { stat } from 'node:fs/promises';
import { brokersServing, describeOrphans, orphanBrokers, stopProcesses } from '../broker/orphans.js';
import { isListening } from '../broker/port.js';
import { describePortHolder } from '../broker/port-holder.js';
import { parseConfig } from '../config/parse.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { describeReasons, done, type RestartReason, type RunFacts, type Step } from '../model/steps.js';
import type { ProcInfo } from '../platform/proc.js';
import { type BrokerDefinition, brokerDefinition, definitionFile, matchesDefinition } from '../pm2/definition.js';
import { type Pm2Process, PROCESS_NAME } from '../pm2/process-list.js';

/** pm2 keeps the broker's log open in append mode; above this size it is rotated (one old file kept). */
export const MAX_BROKER_LOG_BYTES = 1024 * 1024;

export type BrokerAction = { kind: 'keep' } | { kind: 'start' | 'restart'; reasons: RestartReason[] };

/**
 * What to do with the broker, from what the device shows and why this run may need a restart: keep a
 * healthy broker that runs this definition, this binary and the config on disk when nothing asks for a
 * restart; otherwise (re)start it, naming why.
 */
export function planBrokerAction(input: {
  current: Pm2Process | undefined;
  definition: BrokerDefinition;
  definitionWritten: boolean;
  pending: readonly RestartReason[];
  configNewerThanBroker: boolean;
  /** The broker's binary was replaced after the broker started (a package install, say). */
  binaryNewerThanBroker?: boolean;
  /** Brokers serving this config outside pm2 were found (they are stopped first). */
  orphans?: boolean;
}): BrokerAction {
  const { current, definition } = input;
  if (!current) return { kind: 'start', reasons: input.orphans ? ['broker-down', 'orphan-replaced'] : ['broker-down'] };
  const reasons = new Set<RestartReason>(input.pending);
  if (input.orphans) reasons.add('orphan-replaced');
  // A process that is not running is started afresh from the definition: a start, and the reasons that
  // describe a running broker (an older binary or config under it) do not apply.
  if (current.status !== 'online') return { kind: 'start', reasons: ['broker-down', ...reasons] };
  if (current.execPath !== definition.script || input.binaryNewerThanBroker) reasons.add('binary-changed');
  else if (input.definitionWritten || !matchesDefinition(current, definition)) reasons.add('definition-changed');
  // a users change restarts for its own files: that they are newer than the broker says nothing more
  if (input.configNewerThanBroker && !reasons.has('users-changed')) reasons.add('config-newer-than-broker');
  return reasons.size ? { kind: 'restart', reasons: [...reasons] } : { kind: 'keep' };
}

/** True when the file was put in place after the broker started (dpkg keeps mtimes: ctime says when). */
async function newerThan(file: string, broker: Pm2Process | undefined): Promise<boolean> {
  if (!broker?.uptimeSince) return false;
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && Math.max(info.mtimeMs, info.ctimeMs) > broker.uptimeSince;
}

/**
 * True when the running broker started before its config was last written (a run killed between the
 * write and the restart, or a hand edit): it still serves the old config and must restart to converge.
 */
export async function runsOlderConfig(configFile: string, broker: Pm2Process | undefined): Promise<boolean> {
  if (!broker?.uptimeSince) return false;
  const since = broker.uptimeSince;
  const newer = async (file: string) => ((await stat(file).catch(() => undefined))?.mtimeMs ?? 0) > since;
  if (await newer(configFile)) return true;
  // the password and ACL files it names are read at start too (gate-mqtt users changes them alone)
  const text = (await readText(configFile).catch(() => undefined)) ?? '';
  const named = parseConfig(text, configFile)
    .lines.filter((line) => line.kind === 'directive' && (line.name === 'password_file' || line.name === 'acl_file'))
    .map((line) => (line.kind === 'directive' ? line.value : ''));
  for (const file of new Set(named)) if (file && (await newer(file))) return true;
  return false;
}

/** The pid pm2 runs the broker as (0 in pm2 means none): a broker with another pid is not pm2's. */
const pm2Pid = (current: Pm2Process | undefined) => (current?.pid ? current.pid : undefined);

/** Stops brokers that serve this config outside pm2 (in dry-run: says it would). */
export async function replaceOrphans(ctx: Context, orphans: ProcInfo[]): Promise<void> {
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

/** Reasons a restart must take the definition afresh. */
const DEFINITION_REASONS: RestartReason[] = ['binary-changed', 'definition-changed', 'broker-down', 'orphan-replaced'];

export interface BroughtUp {
  action: BrokerAction;
  /** What pm2 showed before (the broker left alone, when kept). */
  current: Pm2Process | undefined;
}

/**
 * Makes pm2 run the broker as this gateway wants it, from what the device shows: our definition written,
 * the log kept small, brokers outside pm2 of this config stopped, and `mqtt` started when missing or
 * down, restarted for a reason (a pending one, another binary or definition, a config or binary newer
 * than the broker), else left alone. A broker that was not running is not started over a port another
 * program holds.
 */
export async function bringUp(
  ctx: Context,
  wanted: { mosquitto: string; target: RunFacts['target']; pending: readonly RestartReason[] },
): Promise<BroughtUp> {
  const { profile, pm2 } = ctx;
  const definition = brokerDefinition(profile, wanted.mosquitto);
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
    pending: wanted.pending,
    configNewerThanBroker: await runsOlderConfig(profile.paths.configFile, current),
    binaryNewerThanBroker: current?.execPath === definition.script && (await newerThan(definition.script, current)),
    orphans: orphans.length > 0,
  });
  if (action.kind === 'keep') return { action, current };
  await replaceOrphans(ctx, orphans);
  const { host, port } = wanted.target;
  if (
    !ctx.dryRun &&
    current?.status !== 'online' &&
    (await isListening(port, host)) &&
    // pm2 may have restarted its own crash-looping broker once the orphans went: that one is ours to replace
    (await brokersServing(profile.paths.configFile)).length === 0
  ) {
    throw failed(
      t('port {{port}} is in use by {{holder}}; it was left alone and the broker was not started', {
        port,
        holder: await describePortHolder(port),
      }),
      t("find it with: ss -ltnp 'sport = :{{port}}'", { port }),
    );
  }
  // A running broker whose definition stands is restarted in place (a full restart: mosquitto does not
  // reload bridges on SIGHUP). Otherwise pm2 must take the definition afresh (it keeps a process's old
  // script and arguments on a restart): removed, then started. A run killed in between leaves `mqtt`
  // missing, which the next run sees and starts ("broker-down").
  const inPlace = current?.status === 'online' && !action.reasons.some((r) => DEFINITION_REASONS.includes(r));
  if (inPlace) await pm2.restart(PROCESS_NAME);
  else {
    if (current) await pm2.remove(PROCESS_NAME);
    await pm2.startDefinition(profile.paths.pm2Definition);
  }
  return { action, current };
}

/** The step line of a (re)start: "started: the broker was not running", or its dry-run form. */
export function describeAction(ctx: Context, action: BrokerAction & { kind: 'start' | 'restart' }): string {
  const reasons = describeReasons(action.reasons);
  if (action.kind === 'start')
    return ctx.dryRun
      ? t('dry-run: would be started: {{reasons}}', { reasons })
      : t('started: {{reasons}}', { reasons });
  return ctx.dryRun
    ? t('dry-run: would be restarted: {{reasons}}', { reasons })
    : t('restarted: {{reasons}}', { reasons });
}

/** The broker under pm2 as `mqtt`: started, or restarted for a recorded reason; else left alone. */
export function brokerProcessStep(ctx: Context): Step {
  return {
    id: 'pm2.process',
    title: t('pm2 process "{{name}}"', { name: PROCESS_NAME }),
    run: async (facts) => {
      if (!facts.mosquitto) throw failed(t('no mosquitto binary to run'), t('run: gate-mqtt provision'));
      const up = await bringUp(ctx, {
        mosquitto: facts.mosquitto,
        target: facts.target,
        pending: facts.restartReasons,
      });
      if (up.action.kind === 'keep' && up.current)
        return done(
          t('online (pid {{pid}}, {{count}} restarts)', { pid: up.current.pid, count: up.current.restarts ?? 0 }),
          false,
          { learned: { broker: up.current } },
        );
      if (up.action.kind === 'keep') throw new Error('internal: no broker to keep');
      return done(describeAction(ctx, up.action), true, {
        restarted: up.action.reasons,
        learned: { brokerStarted: true },
      });
    },
  };
}
