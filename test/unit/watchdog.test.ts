import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { initialFacts } from '../../src/model/steps.js';
import { processAlive } from '../../src/platform/process-info.js';
import type { Profile } from '../../src/platform/profile.js';
import { renderWatchdog } from '../../src/platform/watchdog.js';
import { watchdogRemoveStep } from '../../src/tasks/uninstall.js';
import { watchdogStep } from '../../src/tasks/watchdog.js';
import { PROJECT } from '../helpers/sandbox.js';
import { unitContext } from '../helpers/unit-context.js';

/** A stand-in for Termux:API's termux-job-scheduler (Termux:API cannot run here), as the tests install it. */
const FAKE_SCHEDULER = path.join(PROJECT, 'test', 'fixtures', 'fake-termux-job-scheduler');
const FACTS = initialFacts({ host: '127.0.0.1', port: 1883 });

/** The watchdog of a profile whose "node" records what it was asked to run (pm2 itself is not needed). */
function watchdogWithRecorder(profile: Profile, root: string) {
  const record = path.join(root, 'node-calls');
  const node = path.join(root, 'fake-node');
  writeFileSync(node, `#!/bin/sh\necho "$*" >> '${record}'\n`, { mode: 0o755 });
  const script = path.join(root, 'watchdog');
  writeFileSync(script, renderWatchdog({ ...profile, pm2: { ...profile.pm2, node } }), { mode: 0o700 });
  const run = () => {
    const ran = spawnSync(script, [], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(ran.status, 0, ran.stderr);
    const calls = existsSync(record) ? readFileSync(record, 'utf8') : '';
    writeFileSync(record, '');
    return calls;
  };
  return run;
}

/** A process whose /proc cmdline starts with `argv0` (a node that waits), as pm2's daemon or a broker shows. */
function waiting(argv0: string, args: string[] = []) {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', '--', ...args], { argv0, stdio: 'ignore' });
}

test('the watchdog script: nothing while pm2 lives or after uninstall; else pm2 resurrect', async (t) => {
  const { ctx, root } = unitContext(t);
  const { paths } = ctx.profile;
  const run = watchdogWithRecorder(ctx.profile, root);
  assert.equal(run(), '', 'no boot hook: the broker was given up');
  mkdirSync(path.dirname(paths.bootHook), { recursive: true });
  writeFileSync(paths.bootHook, '#!/bin/sh\n', { mode: 0o700 });
  assert.match(run(), /^\S+ resurrect\n$/, 'no pm2 daemon: brought back');
  const daemon = waiting(`PM2 v7.0.4: God Daemon (${paths.pm2Home})`);
  t.after(() => daemon.kill('SIGKILL'));
  mkdirSync(paths.pm2Home, { recursive: true });
  writeFileSync(path.join(paths.pm2Home, 'pm2.pid'), String(daemon.pid));
  await new Promise((resolve) => daemon.once('spawn', resolve));
  assert.equal(run(), '', "pm2's daemon lives: nothing to do");
  daemon.kill('SIGKILL');
  await new Promise((resolve) => daemon.once('exit', resolve));
  assert.match(run(), /resurrect/, 'a pid file naming a dead daemon');
});

test('the watchdog script stops a broker the killed daemon left on the port before pm2 starts its own', async (t) => {
  const { ctx, root } = unitContext(t);
  const { paths } = ctx.profile;
  const run = watchdogWithRecorder(ctx.profile, root);
  mkdirSync(path.dirname(paths.bootHook), { recursive: true });
  writeFileSync(paths.bootHook, '#!/bin/sh\n', { mode: 0o700 });
  const orphan = waiting(path.join(paths.bin, 'mosquitto'), ['-c', paths.configFile]);
  const other = waiting(path.join(paths.bin, 'mosquitto'), ['-c', `${paths.configFile}.other`]);
  t.after(() => {
    orphan.kill('SIGKILL');
    other.kill('SIGKILL');
  });
  await Promise.all([orphan, other].map((child) => new Promise((resolve) => child.once('spawn', resolve))));
  assert.match(run(), /resurrect/);
  assert.equal(processAlive(orphan.pid!), false, 'the orphan of this config is stopped');
  assert.equal(processAlive(other.pid!), true, "another config's broker is left alone");
});

test('provision registers the job once where termux-job-scheduler exists, quiet where it does not', async (t) => {
  const { ctx } = unitContext(t);
  const { paths } = ctx.profile;
  const step = watchdogStep(ctx);
  const absent = await step.run(FACTS);
  assert.equal(absent.changed, false);
  assert.equal(absent.warning, undefined, 'Termux:API is optional');
  assert.match(absent.detail, /no termux-job-scheduler/);
  assert.equal(existsSync(paths.watchdogScript), false, 'nothing written without the scheduler');

  mkdirSync(paths.bin, { recursive: true });
  copyFileSync(FAKE_SCHEDULER, paths.jobScheduler);
  const first = await step.run(FACTS);
  assert.equal(first.changed, true, first.detail);
  assert.match(first.detail, /^registered job 1883: .*pm2-watchdog every 15 min/);
  assert.equal(statSync(paths.watchdogScript).mode & 0o777, 0o700);
  const second = await step.run(FACTS);
  assert.equal(second.changed, false, second.detail);
  assert.match(second.detail, /^job 1883 runs .* every 15 min/);
  const calls = readFileSync(`${paths.jobScheduler}.calls`, 'utf8').trim().split('\n');
  assert.equal(calls.filter((call) => call.includes('--job-id')).length, 1, 'registered once');
});

test('a job scheduler that fails is a warning, never a failed provision', async (t) => {
  const { ctx } = unitContext(t);
  const { paths } = ctx.profile;
  mkdirSync(paths.bin, { recursive: true });
  writeFileSync(paths.jobScheduler, '#!/bin/sh\necho "Termux:API is not installed" >&2\nexit 1\n', { mode: 0o755 });
  const outcome = await watchdogStep(ctx).run(FACTS);
  assert.match(outcome.detail, /termux-job-scheduler failed \(exit 1\): Termux:API is not installed/);
  assert.match(outcome.warning ?? '', /install the Termux:API app/);
});

test('a dry run registers nothing', async (t) => {
  const { ctx } = unitContext(t, { dryRun: true });
  mkdirSync(ctx.profile.paths.bin, { recursive: true });
  copyFileSync(FAKE_SCHEDULER, ctx.profile.paths.jobScheduler);
  const outcome = await watchdogStep(ctx).run(FACTS);
  assert.match(outcome.detail, /^dry-run: would register job 1883/);
  assert.equal(existsSync(ctx.profile.paths.watchdogScript), false);
  const calls = readFileSync(`${ctx.profile.paths.jobScheduler}.calls`, 'utf8');
  assert.ok(!calls.includes('--job-id'), calls);
});

test('uninstall cancels the job, removes its script; again: nothing; a silent scheduler: a warning', async (t) => {
  const { ctx } = unitContext(t);
  const { paths } = ctx.profile;
  mkdirSync(paths.bin, { recursive: true });
  copyFileSync(FAKE_SCHEDULER, paths.jobScheduler);
  await watchdogStep(ctx).run(FACTS);
  const pending = () => spawnSync(paths.jobScheduler, ['--pending'], { encoding: 'utf8' }).stdout;
  assert.match(pending(), /^Pending Job 1883: /m, 'registered first');
  const step = watchdogRemoveStep(ctx, { purge: false });
  const removed = await step.run(FACTS);
  assert.equal(removed.changed, true, removed.detail);
  assert.match(removed.detail, /^job 1883 cancelled \(Termux:API\); removed .*pm2-watchdog/);
  assert.equal(existsSync(paths.watchdogScript), false);
  assert.doesNotMatch(pending(), /Job 1883/, 'Termux:API lists it no more');
  const again = await step.run(FACTS);
  assert.equal(again.changed, false, again.detail);
  assert.equal(again.detail, 'no periodic job of gate-mqtt');

  await watchdogStep(ctx).run(FACTS);
  writeFileSync(paths.jobScheduler, '#!/bin/sh\ncase "$1" in --pending) echo "Pending Job 1883: x";; esac\nexit 3\n');
  const silent = await step.run(FACTS);
  assert.match(silent.detail, /termux-job-scheduler failed \(exit 3\)/);
  assert.match(silent.warning ?? '', /termux-job-scheduler --cancel --job-id 1883/);
});
