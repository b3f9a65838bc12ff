import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { type ExposureVerdict, judgeExposure, listenerReach } from '../network/exposure.js';
import { readLocalAddresses } from '../network/read-addresses.js';
import { PROCESS_NAME } from '../pm2/process-list.js';

export interface ExposureOptions {
  /** Do not serve an anonymous broker that answers on a not-local address (--refuse-exposed). */
  refuse?: boolean;
}

/**
 * The broker leaves pm2's list and its saved dump, so neither this run nor `pm2 resurrect` at boot
 * starts it again; the next provision that is allowed to serve puts it back.
 */
async function withdrawBroker(ctx: Context): Promise<string> {
  if (!(await ctx.pm2.find(PROCESS_NAME))) return t('no broker was running');
  await ctx.pm2.stop(PROCESS_NAME);
  await ctx.pm2.remove(PROCESS_NAME);
  const dump = ctx.profile.pm2.dumpFile;
  await ctx.writer.write(dump, await ctx.pm2.dumpText(), { mode: 0o600, reason: 'pm2-dump', backup: 'beside' });
  return t("the running broker was stopped and removed from pm2's saved list");
}

/**
 * "Local access only", checked every time the broker is brought up: which of the gateway's addresses
 * the config's listeners answer on. An anonymous broker on a not-local address is reported (a warning
 * in the step, the JSON and the run log), or, with --refuse-exposed, not served at all.
 */
export function exposureStep(ctx: Context, options: ExposureOptions = {}): Step {
  return {
    id: 'network.exposure',
    title: t('Local access only'),
    run: async () => {
      const read = await readConfigFile(ctx.profile.paths.configFile);
      if (!read.ok) return skipped(ctx.dryRun ? t('dry-run: the config is not written yet') : read.message);
      const addresses = await readLocalAddresses(ctx.runner, ctx.profile.systemToolPath);
      const verdict: ExposureVerdict = judgeExposure(listenerReach(read.config.model, addresses), addresses);
      if (verdict.status === 'fail' && options.refuse) {
        const withdrawn = ctx.dryRun ? t('dry-run: nothing was stopped') : await withdrawBroker(ctx);
        throw failed(
          t('refusing to serve (--refuse-exposed): {{verdict}}; {{withdrawn}}', { verdict: verdict.detail, withdrawn }),
          verdict.hint ?? '',
        );
      }
      if (verdict.status === 'pass') return done(verdict.detail);
      return done(verdict.detail, false, { warning: verdict.hint ?? verdict.detail });
    },
  };
}
