import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { readInventory } from '../fleet/inventory.js';
import { siteDoctor } from '../fleet/site-doctor.js';
import { type SiteTarget, targetOf } from '../fleet/site-run.js';
import { t } from '../i18n/translate.js';
import { describeTarget, parseTarget } from '../pty/transports.js';

/** `doctor|status --inventory FILE` and/or several `--target`: every gateway of a site, N at a time. */
export async function site(
  ctx: Context,
  what: 'doctor' | 'status',
  options: {
    targets: string[];
    inventory?: string;
    concurrency: number;
    sshConfig?: string;
    /** --root/--prefix of this command: where the gateways named by --target keep their files. */
    root?: string;
    prefix?: string;
  },
): Promise<number> {
  const sites: SiteTarget[] = [];
  if (options.inventory) for (const host of await readInventory(options.inventory)) sites.push(targetOf(host));
  for (const text of options.targets) {
    const target = parseTarget(text); // a malformed target is refused before anything runs
    if (target.kind === 'local')
      throw badInput(t('a site is checked over ssh or adb, not local'), t('give ssh://USER@HOST'));
    sites.push({
      name: describeTarget(target),
      target: text,
      ...(options.root ? { root: options.root } : {}),
      ...(options.prefix ? { prefix: options.prefix } : {}),
    });
  }
  if (what === 'doctor') return siteDoctor(ctx, sites, options);
  return (await import('../fleet/site-status.js')).siteStatus(ctx, sites, options);
}
