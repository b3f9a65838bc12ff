import type { Context } from '../context/context.js';
import { formatMiB } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { done, type Step } from '../model/steps.js';
import { definitionFile, matchesDefinition } from '../pm2/definition.js';
import { LOG_KEEPER_NAME, logKeeperDefinition, MAX_LOG_BYTES } from '../pm2/log-keeper.js';

/**
 * The broker log bounded all the time, not only when a command runs: a small pm2 process (`mqtt-logs`)
 * moves a log above 1 MiB to FILE.1. Started when missing, down or different; otherwise left alone.
 */
export function logKeeperStep(ctx: Context): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.logs',
    title: t('Broker log kept small'),
    run: async () => {
      const definition = logKeeperDefinition(profile);
      const file = profile.paths.logKeeperDefinition;
      const written = await ctx.writer.write(file, definitionFile(definition), { reason: 'pm2-definition' });
      const current = await pm2.find(LOG_KEEPER_NAME);
      const size = formatMiB(MAX_LOG_BYTES);
      if (current?.status === 'online' && !written.changed && matchesDefinition(current, definition))
        return done(
          t('"{{name}}" keeps {{file}} under {{size}}', { name: LOG_KEEPER_NAME, file: profile.paths.brokerLog, size }),
        );
      if (current) await pm2.remove(LOG_KEEPER_NAME);
      await pm2.startDefinition(file);
      return done(
        ctx.dryRun
          ? t('dry-run: would start "{{name}}" to keep {{file}} under {{size}}', {
              name: LOG_KEEPER_NAME,
              file: profile.paths.brokerLog,
              size,
            })
          : t('started "{{name}}": it keeps {{file}} under {{size}}', {
              name: LOG_KEEPER_NAME,
              file: profile.paths.brokerLog,
              size,
            }),
        true,
      );
    },
  };
}
