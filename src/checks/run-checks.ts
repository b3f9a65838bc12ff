import { t } from '../i18n/translate.js';
import { checksFor } from './catalog.js';
import type { CheckEnv, CheckModule, CheckOutcome } from './check.js';

/**
 * Runs every check that applies: concurrently (they share one pty session, which runs their probes in
 * turn). A check that throws becomes a failed outcome that says so. `done` hears each check as it ends.
 */
export async function runChecks(env: CheckEnv, done?: (check: CheckModule) => void): Promise<CheckOutcome[]> {
  const checks = checksFor(env);
  const results = new Map<CheckModule, CheckOutcome[]>();
  const runOne = async (check: CheckModule) => {
    try {
      results.set(check, await check.run(env));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      results.set(check, [
        {
          id: check.id === 'bridge' ? 'bridge.*' : check.id,
          status: 'fail',
          detail: t('the check itself failed: {{why}}', { why }),
          hint: t('run again with --verbose'),
        },
      ]);
    }
    done?.(check);
  };
  await Promise.all(checks.map(runOne));
  return checks.flatMap((check) => results.get(check) ?? []);
}

/** How many checks a round runs (for a progress line). */
export const checkCount = (env: CheckEnv): number => checksFor(env).length;
