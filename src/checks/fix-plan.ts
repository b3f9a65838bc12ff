import { t } from '../i18n/translate.js';
import { moduleOf } from './catalog.js';
import type { CheckModule, CheckOutcome, FixAction } from './check.js';

export interface FixPlan {
  actions: FixAction[];
  /** Fixes held back, and why (shown to the user). */
  held: string[];
}

/**
 * Which safe fixes the failed checks call for. A config that exists is never touched by a fix, and a
 * broker whose config is invalid is not restarted: it would only crash again.
 */
export function planFixes(outcomes: CheckOutcome[], catalog?: readonly CheckModule[]): FixPlan {
  const failed = outcomes.filter((o) => o.status === 'fail');
  const actions = new Set<FixAction>();
  for (const outcome of failed) {
    const fix = moduleOf(outcome, catalog)?.fix;
    if (fix) actions.add(fix);
  }
  const held: string[] = [];
  const configMissing = failed.some((o) => o.id === 'config.present');
  const configBroken = !configMissing && failed.some((o) => o.id === 'config.valid');
  if (configBroken && actions.delete('start-broker')) {
    held.push(t('the broker is not started: its config is invalid and it would only crash again (see config.valid)'));
  }
  // Setting the database aside starts the broker; with an invalid config that waits too.
  if (configBroken && actions.delete('set-aside-database')) {
    held.push(t('the persistence database is left in place until the config is valid (see config.valid)'));
  }
  return { actions: [...actions], held };
}
