import { addressInUse, configErrorIn, tailFile } from '../broker/log.js';
import { waitForListener } from '../broker/port.js';
import { type RoundTripResult, roundTrip } from '../broker/round-trip.js';
import type { Context } from '../context.js';
import { failed } from '../errors.js';
import { type Pm2Process, PROCESS_NAME } from '../pm2/process-list.js';
import { done, type RunFacts, type Step, skipped } from './step.js';

/** What the verification needs to know of the run so far. */
export type VerifyFacts = Pick<RunFacts, 'target' | 'credentials' | 'broker' | 'brokerStarted'>;

const LISTEN_TIMEOUT_MS = 5000;

/** Why the broker does not serve, from its own log: a config error line, a taken port, or the last lines. */
async function diagnose(ctx: Context, port: number): Promise<string> {
  const lines = await tailFile(ctx.profile.paths.brokerLog, 12);
  const configError = configErrorIn(lines);
  if (configError) return `mosquitto refused its config: ${configError}`;
  if (addressInUse(lines)) return `port ${port} is in use by another program`;
  return lines.length ? `last broker log lines: ${lines.slice(-3).join(' | ')}` : 'the broker log is empty';
}

/**
 * Runs the round trip while watching pm2: when the broker dies meanwhile (another program holds the
 * port and answers TCP, say), the answer comes at once instead of after the round trip's timeout.
 */
async function raceWithPm2(
  ctx: Context,
  before: Pm2Process | undefined,
  trip: Promise<RoundTripResult>,
): Promise<RoundTripResult> {
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const watch = new Promise<RoundTripResult>((resolve) => {
    const look = async () => {
      const now = await ctx.pm2.find(PROCESS_NAME);
      if (now?.status !== 'online' || now.restarts !== before?.restarts) {
        resolve({ ok: false, reason: `the broker stopped (pm2: ${now?.status ?? 'missing'})` });
      } else if (!finished) timer = setTimeout(look, 250);
    };
    timer = setTimeout(look, 250);
  });
  try {
    return await Promise.race([trip, watch]);
  } finally {
    finished = true;
    clearTimeout(timer); // a pending look would keep the process alive after the run
  }
}

/**
 * Proves the broker serves: its listener answers, a publish/subscribe round trip completes, and pm2
 * still shows the same process online (another program on the port would answer TCP too).
 */
export async function verifyBroker(ctx: Context, facts: VerifyFacts): Promise<string> {
  const { host, port } = facts.target;
  // A broker this run left alone was just listed by the pm2 step; one it (re)started is listed now.
  const before = !facts.brokerStarted && facts.broker ? facts.broker : await ctx.pm2.find(PROCESS_NAME);
  let polls = 0;
  // Every ~0.5 s ask pm2 whether waiting still makes sense (a broker that died is not coming).
  const stillWorth = async () => {
    if (++polls % 10 !== 0) return true;
    const now = await ctx.pm2.find(PROCESS_NAME);
    return now?.status === 'online' && now.restarts === before?.restarts;
  };
  const listening = await waitForListener(port, host, LISTEN_TIMEOUT_MS, stillWorth);
  const trip = listening
    ? await raceWithPm2(ctx, before, roundTrip({ host, port, ...facts.credentials }))
    : { ok: false as const, reason: `nothing listens on ${host}:${port}` };
  const after = await ctx.pm2.find(PROCESS_NAME);
  const stable = after?.status === 'online' && before?.pid === after.pid && before.restarts === after.restarts;
  if (trip.ok && stable) return `round trip on ${host}:${port} in ${trip.ms} ms`;
  if (!trip.ok && trip.refused && stable) {
    const why = `refuses anonymous clients (${trip.reason}); no round trip without credentials`;
    return `the broker answers on ${host}:${port} and ${why}`;
  }
  const why = await diagnose(ctx, port);
  if (facts.brokerStarted && after) {
    // Leave no crash loop behind: a broker that cannot serve is stopped until someone fixes the cause.
    await ctx.pm2.stop(PROCESS_NAME).catch(() => undefined);
  }
  const reason = trip.ok ? `pm2 shows ${PROCESS_NAME} ${after?.status ?? 'missing'} (restarting)` : trip.reason;
  throw failed(`the broker does not serve on port ${port}: ${reason}; ${why}`, 'run: gate-mqtt doctor');
}

export function verifyStep(ctx: Context): Step {
  return {
    id: 'verify.roundtrip',
    title: 'Broker answers',
    run: async (facts) => {
      if (ctx.dryRun)
        return skipped(`dry-run: would publish and subscribe on ${facts.target.host}:${facts.target.port}`);
      return done(await verifyBroker(ctx, facts));
    },
  };
}
