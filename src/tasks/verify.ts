import { addressInUse, configErrorIn, tailFile } from '../broker/log.js';
import { waitForListener } from '../broker/port.js';
import { type RoundTripResult, roundTrip } from '../broker/round-trip.js';
import type { Context } from '../context/context.js';
import { formatLine, readableLine } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { done, type RunFacts, type Step, skipped } from '../model/steps.js';
import { describePm2Status, type Pm2Process, PROCESS_NAME } from '../pm2/process-list.js';

/** What the verification needs to know of the run so far. */
export type VerifyFacts = Pick<RunFacts, 'target' | 'credentials' | 'broker' | 'brokerStarted'>;

const LISTEN_TIMEOUT_MS = 5000;

/** Why the broker does not serve, from its own log: a config error line, a taken port, or the last lines. */
async function diagnose(ctx: Context, port: number): Promise<string> {
  const lines = await tailFile(ctx.profile.paths.brokerLog, 12);
  const configError = configErrorIn(lines);
  if (configError) return t('mosquitto refused its config: {{error}}', { error: configError });
  if (addressInUse(lines)) return t('port {{port}} is in use by another program', { port });
  return lines.length
    ? t('last broker log lines: {{lines}}', {
        lines: lines
          .slice(-3)
          .map((line) => formatLine(readableLine(line)))
          .join(' | '),
      })
    : t('the broker log is empty');
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
        const reason = now
          ? t('the broker stopped (pm2: {{status}})', { status: describePm2Status(now.status) })
          : t('the broker stopped (pm2: missing)');
        resolve({ ok: false, reason });
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
    : { ok: false as const, reason: t('nothing listens on {{host}}:{{port}}', { host, port }) };
  const after = await ctx.pm2.find(PROCESS_NAME);
  const stable = after?.status === 'online' && before?.pid === after.pid && before.restarts === after.restarts;
  if (trip.ok && stable) return t('round trip on {{host}}:{{port}} in {{ms}} ms', { host, port, ms: trip.ms });
  if (!trip.ok && trip.refused && stable) {
    return t(
      'the broker answers on {{host}}:{{port}} and refuses anonymous clients ({{reason}}); no round trip without credentials',
      { host, port, reason: trip.reason },
    );
  }
  const why = await diagnose(ctx, port);
  if (facts.brokerStarted && after) {
    // Leave no crash loop behind: a broker that cannot serve is stopped until someone fixes the cause.
    await ctx.pm2.stop(PROCESS_NAME).catch(() => undefined);
  }
  const reason = !trip.ok
    ? trip.reason
    : after
      ? t('pm2 shows {{name}} {{status}} (restarting)', { name: PROCESS_NAME, status: describePm2Status(after.status) })
      : t('pm2 shows {{name}} missing (restarting)', { name: PROCESS_NAME });
  throw failed(
    t('the broker does not serve on port {{port}}: {{reason}}; {{why}}', { port, reason, why }),
    t('read the broker log: gate-mqtt logs -n 50; then check the config: gate-mqtt config validate'),
  );
}

export function verifyStep(ctx: Context): Step {
  return {
    id: 'verify.roundtrip',
    title: t('Broker answers'),
    run: async (facts) => {
      const { host, port } = facts.target;
      if (ctx.dryRun) return skipped(t('dry-run: would publish and subscribe on {{host}}:{{port}}', { host, port }));
      return done(await verifyBroker(ctx, facts));
    },
  };
}
