import type { Context } from '../context/context.js';
import { readInventory } from '../fleet/inventory.js';
import { siteDoctor } from '../fleet/site-doctor.js';
import { type SiteOptions, type SiteTarget, targetOf } from '../fleet/site-run.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { describeTarget, parseTarget } from '../pty/transports.js';

/**
 * `doctor|status --inventory SOURCE [--limit PATTERN]` and/or several `--target`: every gateway of a
 * site, N at a time. Each target is parsed once, here; the gateways' layout is the run's profile
 * (--root/--prefix name the gateways' own paths), unless the inventory names one for a host.
 */
export async function site(
  ctx: Context,
  what: 'doctor' | 'status',
  options: SiteOptions & { targets: string[]; inventory?: string; limit?: string },
): Promise<number> {
  const sites: SiteTarget[] = [];
  if (options.inventory !== undefined) {
    const inventory = await readInventory(ctx.runner, options.inventory, options.limit);
    ctx.log.write(`inventory ${options.inventory} read by ${inventory.reader}: ${inventory.hosts.length} host(s)`);
    for (const host of inventory.hosts) sites.push(targetOf(host, ctx.profile));
  }
  for (const text of options.targets) {
    const target = parseTarget(text); // a malformed target is refused before anything runs
    if (target.kind === 'local')
      throw badInput(t('a site is checked over ssh or adb, not local'), t('give ssh://USER@HOST'));
    sites.push({ name: describeTarget(target), groups: [], target, profile: ctx.profile });
  }
  if (what === 'doctor') return siteDoctor(ctx, sites, options);
  return (await import('../fleet/site-status.js')).siteStatus(ctx, sites, options);
}
