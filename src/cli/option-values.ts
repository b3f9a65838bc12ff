import { msg, t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { exampleHint, listOption, type OptionName, type ParsedOptions, parseCount, stringOption } from './options.js';

/** What the command table reads from the parsed options, shared by several commands. */

export const PASSWORD: OptionName[] = ['password-stdin', 'password-file'];
export const SITE: OptionName[] = ['target', 'inventory', 'limit', 'concurrency', 'timeout', 'ssh-config'];
/** Gateways checked at once by default: each is an ssh client and a pty here, the work is on the gateways. */
const DEFAULT_CONCURRENCY = 16;
/** How long one gateway of a site may take (--timeout): a dead one gives up alone, the others go on. */
const DEFAULT_GATEWAY_TIMEOUT_SECONDS = 90;

/** A site's gateways and how to reach them: --inventory (--limit), --target (repeated), --concurrency, --timeout. */
export function siteOptions(options: ParsedOptions) {
  const inventory = stringOption(options, 'inventory');
  const limit = stringOption(options, 'limit');
  if (limit !== undefined && inventory === undefined)
    throw badInput(t('--limit goes with --inventory'), t('e.g. --inventory site.ini --limit warsaw'));
  return {
    targets: listOption(options, 'target'),
    inventory,
    limit,
    concurrency: parseCount(stringOption(options, 'concurrency'), DEFAULT_CONCURRENCY, 256, '--concurrency'),
    timeoutSeconds: parseCount(stringOption(options, 'timeout'), DEFAULT_GATEWAY_TIMEOUT_SECONDS, 86_400, '--timeout'),
    sshConfig: stringOption(options, 'ssh-config'),
  };
}
export const isSite = (options: ParsedOptions) =>
  options.inventory !== undefined || listOption(options, 'target').length > 0;

/** Options that only mean something for a site, refused without one (instead of silently ignored). */
export function refuseSiteOptions(options: ParsedOptions, names: OptionName[], command: string, why: string): void {
  const given = names.find((name) => options[name] !== undefined);
  if (given) throw badInput(t(why, { option: given }), t('see: gate-mqtt {{command}} --help', { command }));
}
export const WITH_A_SITE = msg('--{{option}} goes with --inventory or --target');
export const WITH_SEVERAL = msg('--{{option}} goes with --inventory or several --target');

/** Whether the command works on gateways elsewhere (ssh, adb, an inventory): --root/--prefix are their layout. */
export const isRemote = (options: ParsedOptions) =>
  options.inventory !== undefined || listOption(options, 'target').some((target) => target !== 'local');

export function applyPolicy(options: ParsedOptions): { strict: boolean; allowLocalOnly: boolean } {
  return { strict: options.strict === true, allowLocalOnly: options['allow-local-only'] === true };
}

export function requireOption(options: ParsedOptions, name: OptionName): string {
  const value = stringOption(options, name);
  if (value === undefined)
    throw badInput(t('--{{name}} is required', { name }), exampleHint(name) ?? t('see: gate-mqtt COMMAND --help'));
  return value;
}
