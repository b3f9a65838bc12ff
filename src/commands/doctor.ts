import { ADB_FIX_TIMEOUT_MS, adbFixResult, adbFixScript, planAdbFixes } from '../checks/adb-fixes.js';
import type { CheckEnv, CheckOutcome } from '../checks/check.js';
import { planFixes } from '../checks/fix-plan.js';
import { localAnswers } from '../checks/local-answers.js';
import { checkCount, runChecks } from '../checks/run-checks.js';
import { SessionProber } from '../checks/session-prober.js';
import type { Context } from '../context/context.js';
import { t } from '../i18n/translate.js';
import { badInput, failed, GateError, unsupported } from '../model/errors.js';
import type { DoctorResult } from '../model/results.js';
import { PtySession } from '../pty/session.js';
import { describeTarget, parseTarget, type Target, transportFor } from '../pty/transports.js';
import { randomBytes } from '../run/lazy-builtins.js';
import { countOutcomes, Progress, renderTable, summaryLine } from '../ui/doctor-view.js';
import { printHint, printJson } from '../ui/print.js';

export interface DoctorOptions {
  target: string | undefined;
  fix: boolean;
  port: number;
  sshConfig: string | undefined;
}

/** Every check, with one line on a terminal that shows how far they are (cleared before the table). */
async function checkWithProgress(ctx: Context, env: CheckEnv): Promise<CheckOutcome[]> {
  const progress = ctx.output.interactive ? new Progress(process.stdout, checkCount(env)) : undefined;
  const outcomes = await runChecks(env, (check) => progress?.tick(check.id));
  progress?.clear();
  return outcomes;
}

function printTable(ctx: Context, outcomes: CheckOutcome[], heading: string): void {
  ctx.print(heading);
  const width = ctx.output.interactive ? process.stdout.columns : undefined;
  for (const line of renderTable(outcomes, { color: ctx.output.color && ctx.output.interactive, width }))
    ctx.print(line);
}

async function openSession(ctx: Context, target: Target, options: DoctorOptions): Promise<PtySession> {
  try {
    return await PtySession.open(transportFor(target, ctx.profile, { sshConfig: options.sshConfig }), (note) =>
      ctx.print(note),
    );
  } catch (error) {
    if (error instanceof GateError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw failed(
      t('cannot open a shell on {{target}}: {{why}}', { target: describeTarget(target), why: message }),
      t('check that the target answers (ssh or adb by hand), then run again'),
    );
  }
}

/**
 * `doctor --fix --target adb`: the repairs that need adb's shell user run in the doctor's own adb session,
 * one check at a time; the device's own fixes are named, not run. Undefined when there was nothing to run.
 */
async function fixOverAdb(ctx: Context, session: PtySession, checks: CheckOutcome[]) {
  const plan = planAdbFixes(checks);
  for (const why of plan.held) ctx.log.write(`fix held back: ${why}`);
  if (!ctx.output.json && (plan.fixes.length || plan.held.length)) {
    printTable(ctx, checks, t('Before the fixes:'));
    for (const why of plan.held) ctx.print(t('not fixed: {{why}}', { why }));
  }
  if (!plan.fixes.length) return undefined;
  const fixes: NonNullable<DoctorResult['fixes']> = [];
  for (const fix of plan.fixes) {
    const { ok, detail } = adbFixResult(
      fix.commands,
      await session.run(adbFixScript(fix.commands), ADB_FIX_TIMEOUT_MS),
    );
    ctx.log.write(`fix over adb ${fix.id}: ${ok ? 'ok' : 'failed'}: ${detail}`);
    if (!ctx.output.json) ctx.print(`${ok ? t('[changed]') : t('[FAILED]')} ${fix.title}: ${detail}`);
    fixes.push({ id: fix.id, action: fix.title, ok, detail });
  }
  return fixes;
}

export async function doctor(ctx: Context, options: DoctorOptions): Promise<number> {
  const target = parseTarget(options.target);
  // over adb, --fix runs only what needs adb's shell user (Android's settings); ssh is the device's own user
  if (options.fix && target.kind === 'ssh')
    throw badInput(
      t('--fix works on the device itself'),
      t('run on the device: gate-mqtt doctor --fix (e.g. ssh in first)'),
    );
  if (target.kind === 'local' && !ctx.profile.present) {
    throw unsupported(
      t('this is not a Termux gateway and no --root was given'),
      t('check a gateway from here with --target ssh://USER@HOST or --target adb, or a sandbox with --root DIR'),
    );
  }
  const session = await openSession(ctx, target, options);
  if (session.route === 'script') {
    // Said once, so a technician knows why the terminal behaves as it does (Termux has no node-pty build).
    ctx.log.write('pty: util-linux script (node-pty does not load here)');
    if (!ctx.output.json)
      ctx.print(t('node-pty does not load here: the checks run in a terminal made by util-linux script'));
  }
  const result: DoctorResult = {
    command: 'doctor',
    ok: true,
    target: describeTarget(target),
    checks: [],
    ...(session.route === 'script' ? { pty: 'script' as const } : {}),
  };
  try {
    // A fresh prober per round: probes are cached, and the checks after the fixes must look again.
    const env = async (): Promise<CheckEnv> => ({
      prober: new SessionProber(
        session,
        target.kind === 'local' ? await localAnswers(ctx.profile, () => ctx.pm2.probeOutput()) : {},
      ),
      token: randomBytes(6).toString('hex'),
      profile: ctx.profile,
      target,
      ...(target.kind === 'ssh' ? { remoteHost: target.host } : {}),
    });
    const started = Date.now();
    result.checks = await checkWithProgress(ctx, await env());
    const summary = result.checks.map((c) => `${c.id}=${c.status}`).join(' ');
    ctx.log.write(`checks on ${result.target} in ${Date.now() - started} ms: ${summary}`);
    const adbFixes = options.fix && target.kind === 'adb' ? await fixOverAdb(ctx, session, result.checks) : undefined;
    if (adbFixes) {
      result.fixes = adbFixes;
      result.before = result.checks;
      result.checks = await checkWithProgress(ctx, await env());
    }
    const plan = options.fix && target.kind === 'local' ? planFixes(result.checks) : undefined;
    for (const why of plan?.held ?? []) ctx.log.write(`fix held back: ${why}`);
    // A change a killed run left unfinished is completed or undone by the fix run's preflight, too.
    const unfinished = plan && (await import('../tasks/journal.js').then((j) => j.readJournal(ctx)));
    if (plan && (plan.actions.length || unfinished)) {
      if (!ctx.output.json) printTable(ctx, result.checks, t('Before the fixes:'));
      for (const why of plan.held) if (!ctx.output.json) ctx.print(t('not fixed: {{why}}', { why }));
      // loaded only when there is something to fix
      const [{ PIPELINES }, { runPipeline }] = await Promise.all([
        import('../pipelines/catalog.js'),
        import('../pipelines/run.js'),
      ]);
      const fixed = await runPipeline(
        ctx,
        PIPELINES['doctor --fix'](ctx, { actions: plan.actions, port: options.port }),
      );
      // the failed step's line is in the list above; what to do about it is not
      if (fixed.error && !ctx.output.json) printHint(fixed.error.hint);
      result.fixes = fixed.steps
        .filter((s) => s.changed || s.status === 'failed')
        .map((s) => ({ id: s.id, action: s.title, ok: s.status !== 'failed', detail: s.detail }));
      result.before = result.checks;
      result.checks = await checkWithProgress(ctx, await env());
    }
  } finally {
    await session.close();
  }
  result.ok = !result.checks.some((c) => c.status === 'fail');
  result.counts = countOutcomes(result.checks);
  if (ctx.output.json) printJson(ctx, result);
  else {
    const where = { target: result.target === 'local' ? t('this gateway') : result.target };
    printTable(
      ctx,
      result.checks,
      result.before ? t('After the fixes ({{target}}):', where) : t('Doctor ({{target}}):', where),
    );
    const advice = result.ok ? '' : ` ${t('(see the hints above)')}`;
    ctx.print(`${summaryLine(result.counts)}${advice}`);
  }
  return result.ok ? 0 : 1;
}
