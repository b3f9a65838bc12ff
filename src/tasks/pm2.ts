import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { OUR_PROCESSES } from '../keeper/definition.js';
import { unsupported } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { type Pm2Process, PROCESS_NAME } from '../pm2/process-list.js';
import { atLeast, coerceVersion } from '../run/versions.js';

export const PM2_FLOOR = '5.0.0';
export const PM2_PACKAGE = 'pm2@7';

/** pm2 present (installed with npm on a device when missing) and above its floor: checked before any write. */
export function pm2InstalledStep(ctx: Context): Step {
  const { profile, pm2 } = ctx;
  return {
    id: 'pm2.installed',
    title: t('pm2 installed'),
    run: async () => {
      let changed = false;
      if (!existsSync(profile.pm2.script)) {
        if (profile.kind !== 'termux') {
          throw unsupported(
            t('pm2 is missing at {{path}}', { path: profile.pm2.script }),
            t('run npm ci in the gate-mqtt folder'),
          );
        }
        const npm = path.join(profile.paths.bin, 'npm');
        await ctx.runner.check([npm, ['install', '-g', PM2_PACKAGE]], {
          env: profile.env,
          timeoutMs: 10 * 60_000,
          mutates: true,
        });
        changed = true;
        if (ctx.dryRun) return done(t('dry-run: would install {{package}}', { package: PM2_PACKAGE }), true);
      }
      const version = await pm2.version();
      const coerced = coerceVersion(version);
      if (!coerced || !atLeast(coerced, PM2_FLOOR)) {
        throw unsupported(
          version
            ? t('pm2 {{version}} is older than {{floor}}', { version, floor: PM2_FLOOR })
            : t('pm2 (unknown) is older than {{floor}}', { floor: PM2_FLOOR }),
          t('upgrade it: npm install -g {{package}}', { package: PM2_PACKAGE }),
        );
      }
      return done(t('{{version}} (floor {{floor}})', { version: coerced, floor: PM2_FLOOR }), changed);
    },
  };
}

/** The same program, arguments and log: what `pm2 resurrect` would start is what runs now. */
const sameDefinition = (a: Pm2Process, b: Pm2Process) =>
  a.execPath === b.execPath && JSON.stringify(a.args) === JSON.stringify(b.args) && a.outLog === b.outLog;

/**
 * `pm2 save` when pm2's dump (what `pm2 resurrect` starts at boot) does not hold our processes as pm2
 * runs them now (`mqtt` and its keeper; none that pm2 no longer runs), whichever run changed them.
 */
export function saveStep(ctx: Context): Step {
  return {
    id: 'pm2.save',
    title: t('pm2 process list saved'),
    run: async () => {
      const dump = ctx.profile.pm2.dumpFile;
      const [running, saved] = await Promise.all([ctx.pm2.list(), ctx.pm2.dumpEntries()]);
      const ours = running.filter((p) => OUR_PROCESSES.includes(p.name));
      const agrees =
        ours.some((p) => p.name === PROCESS_NAME) &&
        ours.every((p) => saved.some((entry) => entry.name === p.name && sameDefinition(entry, p))) &&
        saved.every((entry) => !OUR_PROCESSES.includes(entry.name) || ours.some((p) => p.name === entry.name));
      if (agrees) return done(t('{{file}} holds "{{name}}"', { file: dump, name: PROCESS_NAME }));
      if (ctx.dryRun)
        return skipped(t('dry-run: would run {{command}}', { command: ctx.pm2.describe(['save', '--force']) }));
      // pm2 keeps the previous dump as dump.pm2.bak itself; it does not belong in our backups.
      const written = await ctx.writer.write(dump, await ctx.pm2.dumpText(), {
        mode: 0o600,
        reason: 'pm2-dump',
        backup: 'beside',
      });
      return done(t('saved to {{file}}', { file: dump }), written.changed);
    },
  };
}
