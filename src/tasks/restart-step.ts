import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { asGateError, ExitCode, failed } from '../model/errors.js';
import { describeReasons, done, type Step, skipped } from '../model/steps.js';
import { findMosquitto } from '../mosquitto/binary.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { undoChange } from './finish.js';
import { readJournal } from './journal.js';
import { serveAndVerify } from './serve.js';

export function restartOrUndoStep(ctx: Context, what: 'config' | 'package'): Step {
  return {
    id: 'broker.restart',
    title: t('Restart and verify'),
    run: async (facts) => {
      // A config change with nothing to change (config edit closed unchanged) leaves the broker be.
      if (what === 'config' && facts.candidate === undefined && facts.restartReasons.length === 0)
        return skipped(t('nothing to change'));
      if (ctx.dryRun) {
        if (facts.restartReasons.length === 0) return skipped(t('nothing changed: the broker was not restarted'));
        const command = ctx.pm2.describe(['restart', PROCESS_NAME]);
        const reasons = describeReasons(facts.restartReasons);
        // a restart is a change: a dry run says so as the real run would (changed, and in the plan)
        ctx.plan.add(`${command} (${reasons})`);
        return done(t('dry-run: would run {{command}} ({{reasons}}) and a round trip', { command, reasons }), true);
      }
      const current = await ctx.pm2.find(PROCESS_NAME);
      const mosquitto = facts.mosquitto ?? (await findMosquitto(ctx.profile));
      try {
        const served = await serveAndVerify(ctx, facts.restartReasons, {
          ...facts,
          ...(mosquitto ? { mosquitto } : {}),
        });
        if (served.restarted.length === 0 && current?.status === 'online')
          return skipped(t('nothing changed: the broker was not restarted'));
        const words = { reasons: describeReasons(served.restarted), verified: served.verified };
        return done(
          served.restarted.includes('broker-down')
            ? t('started ({{reasons}}); {{verified}}', words)
            : t('restarted ({{reasons}}); {{verified}}', words),
          true,
          { restarted: served.restarted },
        );
      } catch (error) {
        const why = asGateError(error).message;
        const journal = await readJournal(ctx);
        if (!journal) throw error;
        // A bug is not the new config's fault: the change is undone for safety, and the bug told as one.
        if (asGateError(error).exitCode === ExitCode.internal) {
          await undoChange(ctx, journal).catch(() => undefined);
          throw error;
        }
        let back: string;
        try {
          back = await undoChange(ctx, journal);
        } catch (again) {
          const how = asGateError(again).message;
          throw failed(
            what === 'config'
              ? t('the new config did not come up ({{why}}), and going back failed too: {{how}}', { why, how })
              : t('the new broker did not serve ({{why}}), and going back failed too: {{how}}', { why, how }),
            t('run: gate-mqtt doctor, or gate-mqtt reset'),
          );
        }
        throw failed(
          what === 'config'
            ? t('the new config did not come up ({{why}}); {{back}}', { why, back })
            : t('the new broker did not serve ({{why}}); {{back}}', { why, back }),
          what === 'config'
            ? t('check the new config with: gate-mqtt config validate FILE')
            : t(
                'the previous version is back and serves (nothing to do to keep it); why the new one did not: gate-mqtt logs -n 50; to stop pkg upgrade from installing it again: apt-mark hold mosquitto',
              ),
        );
      }
    },
  };
}
