import { t } from '../i18n/translate.js';
import { type Command, describeCommand, describeFailure } from '../run/runner.js';
import { CATALOG, moduleOf } from './catalog.js';
import type { CheckModule, CheckOutcome, OutcomeId } from './check.js';

/** One check's repair in adb's shell: the programs to run there, in order. */
export interface AdbFix {
  id: OutcomeId;
  title: string;
  commands: readonly Command[];
}

/**
 * `doctor --fix --target adb`: only the repairs that need adb's shell user (Android's settings, which
 * Termux may not change) run from the laptop. The device's own fixes (pm2, the config, the boot hook) are
 * held back: they belong to the device's user, under its run lock, so they are named for `doctor --fix`
 * there.
 */
export function planAdbFixes(
  outcomes: CheckOutcome[],
  catalog: readonly CheckModule[] = CATALOG,
): { fixes: AdbFix[]; held: string[] } {
  const failed = outcomes.filter((o) => o.status === 'fail');
  const fixes: AdbFix[] = [];
  const onDevice: string[] = [];
  for (const outcome of failed) {
    const module = moduleOf(outcome, catalog);
    if (module?.adbFix) fixes.push({ id: outcome.id, title: module.title, commands: module.adbFix });
    else if (module?.fix) onDevice.push(outcome.id);
  }
  const held = onDevice.length
    ? [t('{{checks}}: these fixes run on the device itself: gate-mqtt doctor --fix', { checks: onDevice.join(', ') })]
    : [];
  return { fixes, held };
}

/** How long adb's shell may take over one check's repair (each `cmd` call starts a Java process). */
export const ADB_FIX_TIMEOUT_MS = 30_000;

/** Each program in turn, whatever the one before it did, each followed by "ran=INDEX:EXIT". */
export function adbFixScript(commands: readonly Command[]): string {
  return [
    'PATH="$PATH:/system/bin"',
    ...commands.map((command, i) => `${describeCommand(command)} 2>&1; echo "ran=${i}:$?"`),
  ].join('\n');
}

/** Whether every program ran and exited 0; the detail names them, or the first that failed and what it said. */
export function adbFixResult(
  commands: readonly Command[],
  run: { output: string; timedOut: boolean; ms: number },
): { ok: boolean; detail: string } {
  const lines = run.output.split('\n');
  let from = 0;
  for (const [i, command] of commands.entries()) {
    const at = lines.findIndex((line) => line.startsWith(`ran=${i}:`));
    const code = at === -1 ? null : Number(lines[at]!.slice(`ran=${i}:`.length));
    if (code === 0) {
      from = at + 1;
      continue;
    }
    // what this program printed: the lines after the one before it ended
    const said = lines.slice(from, at === -1 ? undefined : at).join('\n');
    const result = { exitCode: code, signal: null, stdout: said, stderr: '', skipped: false, ms: run.ms };
    const timedOut = code === null && run.timedOut;
    return {
      ok: false,
      detail: describeFailure(describeCommand(command), { ...result, timedOut }, ADB_FIX_TIMEOUT_MS),
    };
  }
  return { ok: true, detail: t('set over adb: {{commands}}', { commands: commands.map(describeCommand).join('; ') }) };
}
