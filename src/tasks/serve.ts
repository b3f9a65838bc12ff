import { FACTORY_PORT } from '../config/factory.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import type { RestartReason, RunFacts } from '../model/steps.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { localTarget } from '../network/listener-target.js';
import { bringUp, describeAction } from './broker-process.js';
import { verifyBroker } from './verify.js';

/** Where the broker is checked: the first listener of the config on disk (`port` when it says none). */
export async function targetOnDisk(ctx: Context, port = FACTORY_PORT): Promise<RunFacts['target']> {
  const read = await readConfigFile(ctx.profile.paths.configFile);
  return localTarget(read.ok ? read.config.model : undefined, port);
}

export interface Served {
  /** Why the broker was (re)started; empty when it was left alone (it served already). */
  restarted: RestartReason[];
  /** What was done and proven, in one line. */
  detail: string;
  /** The proof alone ("round trip on 127.0.0.1:1883 in 3 ms"). */
  verified: string;
}

/**
 * The broker serving what is on disk, proven: pm2 runs our definition with the binary in place (started
 * or restarted for a reason, else left alone), and a round trip on the config's listener completes.
 */
export async function serveAndVerify(
  ctx: Context,
  pending: readonly RestartReason[] = [],
  known: Pick<RunFacts, 'mosquitto' | 'credentials'> = {},
): Promise<Served> {
  const mosquitto = known.mosquitto ?? (await findMosquitto(ctx.profile));
  if (!mosquitto) throw failed(t('no mosquitto binary to run'), t('run: gate-mqtt provision'));
  const target = await targetOnDisk(ctx);
  const up = await bringUp(ctx, { mosquitto, target, pending });
  const restarted = up.action.kind === 'keep' ? [] : up.action.reasons;
  const facts = { target, brokerStarted: restarted.length > 0, ...(up.current ? { broker: up.current } : {}) };
  const verified = await verifyBroker(ctx, {
    ...facts,
    ...(known.credentials ? { credentials: known.credentials } : {}),
  });
  const detail =
    up.action.kind === 'keep'
      ? t('the broker serves (pid {{pid}}); {{verified}}', { pid: up.current?.pid ?? 0, verified })
      : t('{{action}}; {{verified}}', { action: describeAction(ctx, up.action), verified });
  return { restarted, detail, verified };
}
