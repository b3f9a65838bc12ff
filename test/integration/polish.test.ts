import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { emptyMessages, englishLines, englishWords, errorsWithoutHint, untranslatedKeys } from '../helpers/polish.js';
import { type CliResult, parseJson, provisioned, type Result, type Sandbox } from '../helpers/sandbox.js';

/**
 * Real outputs of a real gateway in Polish: no English words, no English message that slipped past
 * t(), every error with its hint. The broker's own log lines (logs) are mosquitto's words, not ours.
 */
function assertPolish(run: CliResult, what: string): void {
  const text = `${run.stdout}${run.stderr}`;
  const report = `${what} (exit ${run.code}):\n${text}`;
  assert.deepEqual(englishWords(text), [], `${what}: English words:\n${englishLines(text).join('\n')}\n\n${report}`);
  assert.deepEqual(untranslatedKeys(text), [], `${what}: untranslated messages\n\n${report}`);
  assert.deepEqual(errorsWithoutHint(text), [], `${what}: "błąd:" without a "wskazówka:" line\n\n${report}`);
  assert.deepEqual(emptyMessages(text), [], `${what}: a message ends where its text should be\n\n${report}`);
}

/** The same command in Polish and, with --json, its document (a subtest each: every failure is listed). */
async function polish(t: TestContext, box: Sandbox, args: string[], input?: string): Promise<void> {
  await t.test(args.join(' '), async () => {
    assertPolish(await box.cli([...args, '--lang', 'pl'], { input }), args.join(' '));
  });
}

/**
 * A dry run's JSON tells the truth about what it would do: `changed` is what its steps say and what its
 * `planned` lines show, and a step that would make a change (a restart is one) reports changed: true.
 */
async function dryRun(t: TestContext, box: Sandbox, args: string[], changes: boolean, input?: string): Promise<void> {
  await t.test(`${args.join(' ')} --json`, async () => {
    const run = await box.cli([...args, '--json'], { input });
    const doc = parseJson<Result & { planned?: string[] }>(run);
    const steps = doc.steps.map((s) => `${s.id} ${s.status} changed=${s.changed}: ${s.detail}`).join('\n');
    const report = `${args.join(' ')}: changed=${doc.changed}\n${steps}\nplanned:\n${(doc.planned ?? []).join('\n')}`;
    assert.equal(doc.error, null, report);
    assert.equal(
      doc.changed,
      doc.steps.some((s) => s.changed),
      `changed is not what the steps say\n${report}`,
    );
    assert.equal(doc.changed, changes, report);
    // what it would change is what it lists
    assert.equal(doc.changed, (doc.planned?.length ?? 0) > 0, `planned and changed disagree\n${report}`);
    // a step that says it would do something (other than look) reports that as a change
    for (const step of doc.steps.filter((s) => /\bwould (?!publish|check|verify|look)/.test(s.detail)))
      assert.equal(step.changed, true, `${step.id} says "${step.detail}" and reports no change\n${report}`);
  });
}

test('a working gateway in Polish: status, logs, validate and every dry run', { timeout: 240_000 }, async (t) => {
  const box = await provisioned(t);
  const bad = path.join(box.root, 'bad.conf');
  writeFileSync(bad, `listener ${box.port}\nbogus_option 1\n`);
  const memory = path.join(box.root, 'memory.conf');
  writeFileSync(memory, `listener ${box.port}\nallow_anonymous true\nmemory_limit 10MB\n`);
  const changed = path.join(box.root, 'changed.conf');
  writeFileSync(changed, `${readFileSync(box.paths.configFile, 'utf8')}max_keepalive 120\n`);
  const bridge = ['bridge', 'add', 'supla', '--id', 'g', '--address', '127.0.0.1:1', '--username', 'u'];
  const withPassword = [...bridge, '--password-stdin'];

  await polish(t, box, ['status']);
  await t.test('logs -n 5', async () => {
    const run = await box.cli(['logs', '-n', '5', '--lang', 'pl']);
    // mosquitto's own lines, after our local time, are its words: only the rest is ours
    const ours = run.stdout
      .split('\n')
      .filter((line) => !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(line))
      .join('\n');
    assertPolish({ ...run, stdout: ours }, 'logs -n 5');
  });
  await polish(t, box, ['config', 'validate', bad]);
  await t.test('config validate of memory_limit 10MB', async () => {
    const run = await box.cli(['config', 'validate', memory, '--lang', 'pl']);
    assert.notEqual(run.code, 0, run.stdout + run.stderr);
    assertPolish(run, 'config validate memory.conf');
    // mosquitto refuses it without a word: the line must still say why, not end in "mosquitto: "
    for (const line of `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('mosquitto')))
      assert.notEqual(line.split(':').at(-1)?.trim(), '', `nothing after the last colon: "${line}"`);
  });
  await polish(t, box, ['reset', '--yes', '--dry-run']);
  await polish(t, box, ['config', 'apply', changed, '--dry-run']);
  await polish(t, box, ['provision', '--port', String(box.port), '--dry-run']);
  await polish(t, box, [...withPassword, '--dry-run'], 'secret\n');
  await polish(t, box, ['upgrade', '--dry-run']);

  await dryRun(t, box, ['reset', '--yes', '--dry-run'], true);
  await dryRun(t, box, ['config', 'apply', changed, '--dry-run'], true);
  await dryRun(t, box, ['provision', '--port', String(box.port), '--dry-run'], false);
  await dryRun(t, box, [...withPassword, '--dry-run'], true, 'secret\n');
  await dryRun(t, box, ['upgrade', '--dry-run'], true);
  // the dry runs changed nothing: the broker still serves its factory config
  assert.equal(box.mqtt()?.status, 'online');
});

test('a stopped broker in Polish: status, doctor and doctor --fix', { timeout: 180_000 }, async (t) => {
  const box = await provisioned(t);
  assert.equal(box.pm2(['stop', 'mqtt']).code, 0);
  await t.test('status', async () => {
    const run = await box.cli(['status', '--lang', 'pl']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assertPolish(run, 'status (stopped)');
  });
  await t.test('doctor', async () => {
    const run = await box.cli(['doctor', '--lang', 'pl']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assertPolish(run, 'doctor (stopped)');
  });
  await t.test('doctor --fix', async () => {
    const run = await box.cli(['doctor', '--fix', '--lang', 'pl']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assertPolish(run, 'doctor --fix');
  });
});
