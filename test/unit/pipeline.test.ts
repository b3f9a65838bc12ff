import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { badInput, failed } from '../../src/model/errors.js';
import { done, initialFacts, mergeFacts, type RunFacts, type Step, skipped } from '../../src/model/steps.js';
import { runPipeline } from '../../src/pipelines/run.js';
import { unitContext } from '../helpers/unit-context.js';

const step = (id: string, run: Step['run']): Step => ({ id, title: `Step ${id}`, run });
const PREFLIGHT = ['preflight.node', 'preflight.lock', 'preflight.disk', 'preflight.journal'];

test('every pipeline starts with the preflight, takes the lock and releases it at the end', async (t) => {
  const { ctx } = unitContext(t);
  let lockHeld = false;
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('a', async () => {
        lockHeld = existsSync(ctx.profile.paths.lockFile);
        return done('a ran');
      }),
    ],
  });
  assert.deepEqual(
    result.steps.map((s) => s.id),
    [...PREFLIGHT, 'a'],
  );
  assert.equal(lockHeld, true, 'the lock is held while the steps run');
  assert.equal(existsSync(ctx.profile.paths.lockFile), false, 'and released afterwards');
  assert.deepEqual([result.ok, result.changed, result.error], [true, false, null]);
});

test('records carry status, changed and detail; one changed step makes the run changed', async (t) => {
  const { ctx } = unitContext(t);
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('same', async () => done('kept')),
      step('new', async () => done('wrote it', true)),
      step('na', async () => skipped('not here')),
    ],
  });
  assert.deepEqual(
    result.steps.slice(PREFLIGHT.length).map((s) => [s.id, s.status, s.changed, s.detail]),
    [
      ['same', 'done', false, 'kept'],
      ['new', 'done', true, 'wrote it'],
      ['na', 'skipped', false, 'not here'],
    ],
  );
  assert.equal(result.changed, true);
});

test('the first failure stops the run, keeps its exit code and hint, and still releases the lock', async (t) => {
  const { ctx } = unitContext(t);
  let after = false;
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('bad', async () => Promise.reject(badInput('the value is wrong', 'fix it'))),
      step('after', async () => {
        after = true;
        return done('x');
      }),
    ],
  });
  assert.equal(after, false);
  assert.deepEqual(result.error, { code: 2, message: 'the value is wrong', hint: 'fix it' });
  assert.deepEqual(result.steps.at(-1), {
    id: 'bad',
    title: 'Step bad',
    status: 'failed',
    changed: false,
    detail: 'the value is wrong',
  });
  assert.equal(existsSync(ctx.profile.paths.lockFile), false);
});

test('a bug (an unexpected exception) is exit 70, a hint naming the log, its stack in the log', async (t) => {
  const { ctx, logFile } = unitContext(t);
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('boom', async () => {
        const nothing = undefined as unknown as { there: () => void };
        nothing.there(); // a TypeError, as a real bug throws it
        return done('never');
      }),
    ],
  });
  assert.equal(result.error?.code, 70);
  assert.match(result.error?.message ?? '', /^internal error: .*undefined.*, please report it$/);
  assert.equal(result.error?.hint, `the details are in ${logFile}`);
  const log = readFileSync(logFile, 'utf8');
  assert.match(log, /failed boom: internal error: /);
  assert.match(log, /\n\S+ \[unit\]\s+TypeError: /, 'the stack, a line each');
  assert.match(log, /at .*pipeline\.test\.ts/, 'with the frames that lead to it');
});

test("expected failures keep their codes: ours, and the system's (a refused connection is exit 1)", async (t) => {
  const { ctx } = unitContext(t);
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
    code: 'ECONNREFUSED',
    address: '127.0.0.1',
    port: 1,
  });
  const result = await runPipeline(ctx, { command: 'job', steps: [step('net', async () => Promise.reject(refused))] });
  assert.equal(result.error?.code, 1);
  assert.equal(result.error?.message, '127.0.0.1:1: connection refused (ECONNREFUSED)');
});

test('facts learned by a step reach the later steps; restart reasons accumulate once each', async (t) => {
  const { ctx } = unitContext(t);
  const seen: RunFacts[] = [];
  await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('learn', async () =>
        done('x', true, {
          learned: { mosquitto: '/bin/m', target: { host: 'h', port: 9 } },
          needsRestart: 'config-changed',
        }),
      ),
      step('again', async () => done('x', false, { needsRestart: 'config-changed' })),
      step('binary', async () => done('x', false, { needsRestart: 'binary-changed' })),
      step('look', async (facts) => {
        seen.push(facts);
        return done('x');
      }),
    ],
  });
  assert.equal(seen[0]?.mosquitto, '/bin/m');
  assert.deepEqual(seen[0]?.target, { host: 'h', port: 9 });
  assert.deepEqual(seen[0]?.restartReasons, ['config-changed', 'binary-changed']);
});

test('a step that restarted the broker carries its reasons in JSON and in the log', async (t) => {
  const { ctx, logFile } = unitContext(t);
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [step('proc', async () => done('restarted', true, { restarted: ['binary-changed'] }))],
  });
  assert.deepEqual(result.steps.at(-1)?.restart, ['binary-changed']);
  assert.equal(result.steps.filter((s) => 'restart' in s).length, 1, 'no other step has the key');
  assert.match(readFileSync(logFile, 'utf8'), /done proc \(changed\): restarted \[restart: binary-changed\]/);
});

test('the log file tells the story of the run: start, each step, end', async (t) => {
  const { ctx, logFile } = unitContext(t);
  await runPipeline(ctx, {
    command: 'job',
    steps: [step('a', async () => done('did a', true)), step('b', async () => Promise.reject(failed('b broke')))],
  });
  const lines = readFileSync(logFile, 'utf8').trim().split('\n');
  assert.match(lines[0] ?? '', /\[unit\] start: sandbox gateway at /);
  assert.ok(lines.some((l) => /done a \(changed\): did a$/.test(l)));
  assert.ok(lines.some((l) => /failed b: b broke$/.test(l)));
  assert.match(lines.at(-1) ?? '', /end: failed \(exit 1\), changed: true/);
});

test('secrets are scrubbed from details, errors and the log', async (t) => {
  const { ctx, logFile } = unitContext(t);
  ctx.secrets.add('s3cr3t-pass');
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('a', async () => done('using s3cr3t-pass')),
      step('b', async () => Promise.reject(failed('bad s3cr3t-pass', 'try s3cr3t-pass'))),
    ],
  });
  const everything = JSON.stringify(result) + readFileSync(logFile, 'utf8');
  assert.doesNotMatch(everything, /s3cr3t-pass/);
  assert.match(everything, /using \*{8}/);
});

test('without a terminal each step is one plain line; under --json nothing is printed', async (t) => {
  const plain = unitContext(t);
  await runPipeline(plain.ctx, {
    command: 'job',
    steps: [step('a', async () => done('did a', true)), step('b', async () => skipped('no'))],
  });
  assert.deepEqual(plain.printed.slice(PREFLIGHT.length), ['[changed] Step a: did a', '[skipped] Step b: no']);
  assert.match(plain.printed[1] ?? '', /^\[ok\] Run lock: held by pid \d+$/);
  const json = unitContext(t, { json: true });
  await runPipeline(json.ctx, { command: 'job', steps: [step('a', async () => done('x'))] });
  assert.deepEqual(json.printed, []);
});

test('dry-run takes no lock and lists what it would have done', async (t) => {
  const { ctx } = unitContext(t, { dryRun: true });
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('write', async () => {
        await ctx.writer.write(ctx.profile.paths.configFile, 'x\n', { reason: 'r' });
        return done('would', true);
      }),
    ],
  });
  assert.equal(result.steps[1]?.status, 'skipped');
  assert.equal(existsSync(ctx.profile.paths.stateDir), false);
  assert.deepEqual(result.planned, [`create ${ctx.profile.paths.configFile} (2 bytes, mode 644)`]);
});

test('mergeFacts keeps earlier facts and adds a restart reason only once', () => {
  const start = initialFacts({ host: '127.0.0.1', port: 1883 });
  const one = mergeFacts(start, done('x', false, { learned: { mosquitto: '/m' }, needsRestart: 'config-changed' }));
  const two = mergeFacts(
    one,
    done('y', false, { learned: { mosquittoVersion: '2.0.11' }, needsRestart: 'config-changed' }),
  );
  assert.deepEqual([two.mosquitto, two.mosquittoVersion, two.restartReasons], ['/m', '2.0.11', ['config-changed']]);
  assert.deepEqual(start.restartReasons, [], 'facts are never changed in place');
});

test('a program that fails is an expected failure (exit 1 with what it said), not a bug', async (t) => {
  const { ctx } = unitContext(t);
  const result = await runPipeline(ctx, {
    command: 'job',
    steps: [
      step('dpkg', async () =>
        ctx.runner.check(['/bin/sh', ['-c', 'echo dpkg: lock held >&2; exit 2']]).then(() => done('x')),
      ),
    ],
  });
  assert.equal(result.error?.code, 1);
  assert.match(result.error?.message ?? '', /failed \(exit 2\): dpkg: lock held/);
});
