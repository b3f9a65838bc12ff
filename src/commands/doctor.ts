import { randomBytes } from 'node:crypto';
import { checksFor } from '../checks/catalog.js';
import type { CheckEnv, CheckModule, CheckOutcome } from '../checks/check.js';
import { localAnswers } from '../checks/local-answers.js';
import { SessionProber } from '../checks/session-prober.js';
import type { Context } from '../context.js';
import { badInput, unsupported } from '../errors.js';
import { PtySession } from '../pty/session.js';
import { describeTarget, parseTarget, type Target, transportFor } from '../pty/transports.js';
import { planFixes } from '../tasks/fix-plan.js';
import { printJson } from '../ui/print.js';
import type { DoctorResult } from '../ui/result.js';

export interface DoctorOptions {
  target: string | undefined;
  fix: boolean;
  port: number;
  sshConfig: string | undefined;
}

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

/** Runs every check: concurrently (they share one pty session, which runs their probes in turn). */
async function runChecks(ctx: Context, env: CheckEnv): Promise<CheckOutcome[]> {
  const checks = checksFor(env);
  const results = new Map<CheckModule, CheckOutcome[]>();
  const runOne = async (check: CheckModule) => {
    try {
      results.set(check, await check.run(env));
    } catch (error) {
      results.set(check, [
        {
          id: check.id === 'bridge' ? 'bridge.*' : check.id,
          status: 'fail',
          detail: `the check itself failed: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'run again with --verbose',
        },
      ]);
    }
    return results.get(check)!;
  };
  if (ctx.output.interactive) {
    const { Listr } = await import('listr2');
    await new Listr(
      checks.map((check) => ({
        title: check.title,
        task: async (_c: unknown, task: { title: string }) => {
          const outcomes = await runOne(check);
          task.title = outcomes.length
            ? outcomes.map((o) => `${MARK[o.status]} ${o.id}: ${o.detail}`).join('\n')
            : `${check.title}: none`;
          if (outcomes.some((o) => o.status === 'fail')) throw new Error(task.title);
        },
      })),
      { concurrent: true, exitOnError: false, renderer: 'default', rendererOptions: { collapseErrors: true } },
    )
      .run()
      .catch(() => undefined);
  } else {
    await Promise.all(checks.map(runOne));
  }
  return checks.flatMap((check) => results.get(check) ?? []);
}

function printTable(ctx: Context, outcomes: CheckOutcome[], heading: string): void {
  ctx.print(heading);
  for (const o of outcomes) {
    ctx.print(`  ${MARK[o.status]}  ${o.id.padEnd(22)} ${o.detail}`);
    if (o.hint && o.status !== 'pass') ctx.print(`        ${''.padEnd(22)} -> ${o.hint}`);
  }
}

async function openSession(ctx: Context, target: Target, options: DoctorOptions): Promise<PtySession> {
  try {
    return await PtySession.open(transportFor(target, ctx.profile, { sshConfig: options.sshConfig }), (note) =>
      ctx.print(note),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw badInput(
      `cannot open a shell on ${describeTarget(target)}: ${message}`,
      target.kind === 'ssh'
        ? 'check: ssh -p PORT USER@HOST works without a password (keys), and Termux runs sshd'
        : undefined,
    );
  }
}

export async function doctor(ctx: Context, options: DoctorOptions): Promise<number> {
  const target = parseTarget(options.target);
  if (options.fix && target.kind !== 'local')
    throw badInput('--fix works on the device itself', `run on the device: gate-mqtt doctor --fix (e.g. ssh in first)`);
  if (target.kind === 'local' && !ctx.profile.present) {
    throw unsupported(
      'this is not a Termux gateway and no --root was given',
      'check a gateway from here with --target ssh://USER@HOST or --target adb, or a sandbox with --root DIR',
    );
  }
  const session = await openSession(ctx, target, options);
  const result: DoctorResult = { command: 'doctor', ok: true, target: describeTarget(target), checks: [] };
  try {
    // A fresh prober per round: probes are cached, and the checks after the fixes must look again.
    const env = async (): Promise<CheckEnv> => ({
      prober: new SessionProber(
        session,
        target.kind === 'local' ? await localAnswers(ctx.profile, () => ctx.pm2.probeOutput()) : {},
      ),
      token: randomBytes(6).toString('hex'),
      profile: ctx.profile,
      ...(target.kind === 'ssh' ? { remoteHost: target.host } : {}),
    });
    const started = Date.now();
    result.checks = await runChecks(ctx, await env());
    const summary = result.checks.map((c) => `${c.id}=${c.status}`).join(' ');
    ctx.log.write(`checks on ${result.target} in ${Date.now() - started} ms: ${summary}`);
    const plan = options.fix ? planFixes(result.checks) : undefined;
    for (const why of plan?.held ?? []) ctx.log.write(`fix held back: ${why}`);
    if (plan?.actions.length) {
      if (!ctx.output.json) printTable(ctx, result.checks, 'Before the fixes:');
      for (const why of plan.held) if (!ctx.output.json) ctx.print(`not fixed: ${why}`);
      const { runFixes } = await import('../tasks/pipelines.js'); // loaded only when there is something to fix
      const fixed = await runFixes(ctx, plan.actions, options.port);
      result.fixes = fixed.steps
        .filter((s) => s.changed || s.status === 'failed')
        .map((s) => ({ id: s.id, action: s.title, ok: s.status !== 'failed', detail: s.detail }));
      result.before = result.checks;
      result.checks = await runChecks(ctx, await env());
    }
  } finally {
    await session.close();
  }
  result.ok = !result.checks.some((c) => c.status === 'fail');
  if (ctx.output.json) printJson(ctx, result);
  else {
    printTable(ctx, result.checks, `${result.before ? 'After the fixes' : 'Doctor'} (${result.target}):`);
    ctx.print(
      result.ok
        ? 'no check failed'
        : `${result.checks.filter((c) => c.status === 'fail').length} check(s) failed: see the hints above`,
    );
  }
  return result.ok ? 0 : 1;
}
