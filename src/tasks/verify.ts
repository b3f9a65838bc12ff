import type { Context } from '../context.js';
import { failed } from '../errors.js';
import { addressInUse, configErrorIn, tailFile } from '../broker/log.js';
import { waitForListener } from '../broker/port.js';
import { roundTrip } from '../broker/round-trip.js';
import { PROCESS_NAME } from '../pm2/pm2.js';
import { done, skipped, type Step } from '../ui/steps.js';
import type { RunState } from './state.js';

const LISTEN_TIMEOUT_MS = 5000;

/** Why the broker does not serve, from its own log: a config error line, a taken port, or the last lines. */
async function diagnose(ctx: Context, state: RunState): Promise<string> {
  const lines = await tailFile(ctx.profile.paths.brokerLog, 12);
  const configError = configErrorIn(lines);
  if (configError) return `mosquitto refused its config: ${configError}`;
  if (addressInUse(lines)) return `port ${state.port} is in use by another program`;
  return lines.length ? `last broker log lines: ${lines.slice(-3).join(' | ')}` : 'the broker log is empty';
}

/**
 * Proves the broker serves: its listener answers, a publish/subscribe round trip completes, and pm2
 * still shows the same process online (another program on the port would answer TCP too).
 */
export async function verifyBroker(ctx: Context, state: RunState): Promise<string> {
  const before = await ctx.pm2.find(PROCESS_NAME);
  const listening = await waitForListener(state.port, state.host, LISTEN_TIMEOUT_MS);
  const trip = listening ? await roundTrip({ host: state.host, port: state.port }) : { ok: false as const, reason: `nothing listens on ${state.host}:${state.port}` };
  const after = await ctx.pm2.find(PROCESS_NAME);
  const stable = after?.status === 'online' && before?.pid === after.pid && before.restarts === after.restarts;
  if (trip.ok && stable) return `round trip on ${state.host}:${state.port} in ${trip.ms} ms`;
  const why = await diagnose(ctx, state);
  if (state.startedByUs && after) {
    // Leave no crash loop behind: a broker that cannot serve is stopped until someone fixes the cause.
    await ctx.pm2.stop(PROCESS_NAME).catch(() => undefined);
  }
  const reason = trip.ok ? `pm2 shows ${PROCESS_NAME} ${after?.status ?? 'missing'} (restarting)` : trip.reason;
  throw failed(`the broker does not serve on port ${state.port}: ${reason}; ${why}`, 'run: gate-mqtt doctor');
}

export function verifyStep(ctx: Context, state: RunState): Step {
  return {
    id: 'verify.roundtrip',
    title: 'Broker answers',
    run: async () => {
      if (ctx.dryRun) return skipped(`dry-run: would publish and subscribe on ${state.host}:${state.port}`);
      return done(await verifyBroker(ctx, state));
    },
  };
}
