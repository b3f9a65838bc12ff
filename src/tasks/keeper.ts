import { describeOrphans, stopProcesses } from '../broker/orphans.js';
import { FACTORY_PORT } from '../config/factory.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { formatDuration } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import {
  CHECK_EVERY,
  definedInterval,
  KEEPER_NAME,
  keeperDefinition,
  LEGACY_LOG_KEEPER,
  testInterval,
} from '../keeper/definition.js';
import { orphanKeepers } from '../keeper/processes.js';
import { done, type Step } from '../model/steps.js';
import { localTarget } from '../network/listener-target.js';
import { definitionFile, matchesDefinition } from '../pm2/definition.js';

export interface KeeperOptions {
  /** --check-every: how often the keeper checks (undefined: as its definition on disk says, else 60 s). */
  checkEvery?: number;
}

/**
 * The keeper (`mqtt-keeper`) running as this gateway wants it: one per gateway (keepers a killed pm2
 * daemon left behind are ended first), its definition following the config on disk (the listener it
 * checks, the database, the bridges) and the interval asked for or kept. Started when missing, down or
 * different; otherwise left alone. The log keeper of earlier versions is removed (its work is the keeper's).
 */
export function keeperStep(ctx: Context, options: KeeperOptions = {}): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.keeper',
    title: t('Keeper (keeps the broker working)'),
    run: async () => {
      const file = profile.paths.keeperDefinition;
      const every =
        testInterval() ??
        options.checkEvery ??
        definedInterval(await readText(file).catch(() => undefined)) ??
        CHECK_EVERY.default;
      const read = await readConfigFile(profile.paths.configFile);
      const model = read.ok ? read.config.model : undefined;
      const definition = keeperDefinition(profile, { every, target: localTarget(model, FACTORY_PORT), model });
      const written = await ctx.writer.write(file, definitionFile(definition), { reason: 'pm2-definition' });
      const list = await pm2.list();
      const current = list.find((p) => p.name === KEEPER_NAME);
      const orphans = await orphanKeepers(profile.paths.stateDir, current?.pid || undefined);
      let changed = false;
      if (orphans.length) {
        changed = true;
        if (ctx.dryRun)
          ctx.plan.add(t('end keepers outside pm2 ({{processes}})', { processes: describeOrphans(orphans) }));
        else {
          ctx.log.write(`ending keepers outside pm2: ${describeOrphans(orphans)}`);
          await stopProcesses(orphans, 1000);
        }
      }
      if (list.some((p) => p.name === LEGACY_LOG_KEEPER)) {
        await pm2.remove(LEGACY_LOG_KEEPER);
        changed = true;
      }
      const ended = orphans.length ? t('; ended {{count}} keeper(s) outside pm2', { count: orphans.length }) : '';
      const values = { name: KEEPER_NAME, every: formatDuration(every) };
      if (current?.status === 'online' && !written.changed && matchesDefinition(current, definition))
        return done(`${t('"{{name}}" checks the broker every {{every}}', values)}${ended}`, changed);
      if (current) await pm2.remove(KEEPER_NAME);
      await pm2.startDefinition(file);
      return done(
        ctx.dryRun
          ? t('dry-run: would start "{{name}}" to check the broker every {{every}}', values)
          : `${t('started "{{name}}": it checks the broker every {{every}}', values)}${ended}`,
        true,
      );
    },
  };
}
