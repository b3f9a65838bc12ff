import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { adbFixResult, adbFixScript, planAdbFixes } from '../../src/checks/adb-fixes.js';
import { judgePhantom, PHANTOM_FIX, phantomProbe } from '../../src/checks/android-phantom.js';
import { judgeWatchdog } from '../../src/checks/android-watchdog.js';
import type { CheckOutcome, OutcomeId } from '../../src/checks/check.js';
import { setLanguage } from '../../src/i18n/translate.js';
import { buildPaths } from '../../src/platform/paths.js';
import { DEFAULT_PREFIX } from '../../src/platform/profile.js';
import { hasWatchdogJob } from '../../src/platform/watchdog.js';
import { englishWords } from '../helpers/polish.js';
import { PROJECT } from '../helpers/sandbox.js';
import { probe } from '../helpers/unit-context.js';

const ADB = { adb: 'adb://emulator-5554' };
// where a sandbox gateway keeps the script (a name only: these judges read no file)
const SCRIPT = buildPaths(path.join(os.tmpdir(), 'gmu-sandbox'), DEFAULT_PREFIX).watchdogScript;
/** What Termux:API prints for our job (JobSchedulerAPI.formatJobInfo, SDK 28 and later). */
const OUR_JOB = `Pending Job 1883: ${SCRIPT}\t(periodic: 900000ms) (persisted) (network: null)`;
/** The stand-ins for getprop, settings and device_config that test/fixtures/fake-adb puts on PATH. */
const FAKE_ANDROID = path.join(PROJECT, 'test', 'fixtures', 'fake-android');

test('android.phantom: not Android, or before SDK 31, there is no phantom process killer', () => {
  assert.equal(judgePhantom(probe('android=no\n'), 'device').status, 'pass');
  const old = judgePhantom(probe('sdk=30\n'), ADB);
  assert.equal(old.status, 'pass');
  assert.match(old.detail, /SDK 30/);
  assert.equal(judgePhantom(probe('sdk=\n'), 'device').status, 'warn', 'an unreadable version is said, not guessed');
});

test('android.phantom: from SDK 31 it passes only with the monitor off (SDK 32+) or the limit raised', () => {
  assert.equal(judgePhantom(probe('sdk=34\nmonitor=false\nmax=null\n'), ADB).status, 'pass');
  assert.equal(judgePhantom(probe('sdk=33\nmonitor=null\nmax=2147483647\n'), ADB).status, 'pass');
  assert.equal(judgePhantom(probe('sdk=31\nmonitor=null\nmax=256\n'), ADB).status, 'pass');
  // Android 12 (SDK 31) has no monitor setting: only the limit counts there
  const twelve = judgePhantom(probe('sdk=31\nmonitor=false\nmax=null\n'), ADB);
  assert.equal(twelve.status, 'fail');
  assert.match(twelve.detail, /limit 32/, 'an unset limit is the default 32');
  const low = judgePhantom(probe('sdk=34\nmonitor=true\nmax=255\n'), ADB);
  assert.equal(low.status, 'fail');
  assert.match(low.detail, /limit 255/);
  assert.equal(low.hint, 'run: gate-mqtt doctor --fix --target adb://emulator-5554 (sets them over adb)');
});

test('android.phantom on the device itself warns (no adb rights there) with the adb commands for a laptop', () => {
  for (const output of ['sdk=34\nmonitor=null\nmax=null\n', 'sdk=34\nmonitor=unreadable\nmax=unreadable\n']) {
    const outcome = judgePhantom(probe(output), 'device');
    assert.equal(outcome.status, 'warn');
    assert.match(outcome.hint ?? '', /gate-mqtt doctor --fix --target adb/);
    for (const command of [
      'adb shell "settings put global settings_enable_monitor_phantom_procs false"',
      'adb shell "device_config set_sync_disabled_for_tests persistent"',
      'adb shell "device_config put activity_manager max_phantom_processes 2147483647"',
    ])
      assert.ok(outcome.hint?.includes(command), command);
  }
  assert.match(judgePhantom(probe('sdk=34\nmonitor=unreadable\nmax=unreadable\n'), 'device').detail, /cannot be read/);
});

test('android.watchdog: absent is a note, not registered or not answering a warning, registered a pass', () => {
  assert.equal(judgeWatchdog(probe('scheduler=absent\n'), SCRIPT).status, 'pass');
  const silent = judgeWatchdog(probe('script=exec\nrc=124\n'), SCRIPT);
  assert.equal(silent.status, 'warn');
  assert.match(silent.hint ?? '', /Termux:API app/);
  const none = judgeWatchdog(probe('script=missing\nNo pending jobs\nrc=0\n'), SCRIPT);
  assert.equal(none.status, 'warn');
  assert.match(none.hint ?? '', /gate-mqtt provision/);
  assert.equal(judgeWatchdog(probe(`script=exec\n${OUR_JOB}\nrc=0\n`), SCRIPT).status, 'pass');
  assert.equal(judgeWatchdog(probe(`script=missing\n${OUR_JOB}\nrc=0\n`), SCRIPT).status, 'warn');
});

test("our job among Termux:API's pending jobs: its id, our script, periodic every 15 min, persisted", () => {
  assert.equal(hasWatchdogJob(`Pending Job 7: /x\t(periodic: 900000ms)\n${OUR_JOB}\n`, SCRIPT), true);
  assert.equal(hasWatchdogJob(OUR_JOB.replace('\t', '    '), SCRIPT), true, 'a pty may turn the tab into spaces');
  assert.equal(hasWatchdogJob(OUR_JOB.replace(SCRIPT, `${SCRIPT}x`), SCRIPT), false);
  assert.equal(hasWatchdogJob(OUR_JOB.replace('1883', '1884'), SCRIPT), false);
  assert.equal(hasWatchdogJob(OUR_JOB.replace(' (persisted)', ''), SCRIPT), false);
  assert.equal(hasWatchdogJob(OUR_JOB.replace('900000', '0'), SCRIPT), false);
  assert.equal(hasWatchdogJob('No pending jobs\n', SCRIPT), false);
});

test('in Polish, the Android checks say nothing in English (commands and settings stay as typed)', async (t) => {
  t.after(() => setLanguage('en'));
  await setLanguage('pl');
  const outcomes = [
    judgePhantom(probe('android=no\n'), 'device'),
    judgePhantom(probe('sdk=30\n'), 'device'),
    judgePhantom(probe('sdk=\n'), 'device'),
    judgePhantom(probe('sdk=34\nmonitor=false\n'), 'device'),
    judgePhantom(probe('sdk=31\nmax=2147483647\n'), 'device'),
    judgePhantom(probe('sdk=34\nmonitor=null\nmax=null\n'), 'device'),
    judgePhantom(probe('sdk=34\nmonitor=unreadable\nmax=unreadable\n'), 'device'),
    judgePhantom(probe('sdk=34\nmonitor=null\nmax=null\n'), ADB),
    judgeWatchdog(probe('scheduler=absent\n'), SCRIPT),
    judgeWatchdog(probe('rc=124\n'), SCRIPT),
    judgeWatchdog(probe('No pending jobs\nrc=0\n'), SCRIPT),
    judgeWatchdog(probe(`script=missing\n${OUR_JOB}\nrc=0\n`), SCRIPT),
    judgeWatchdog(probe(`script=exec\n${OUR_JOB}\nrc=0\n`), SCRIPT),
  ];
  const text = outcomes.flatMap((o) => [o.detail, o.hint ?? '']).join('\n');
  assert.deepEqual(englishWords(text), [], text);
  const plan = planAdbFixes(failing('android.phantom', 'pm2.process'));
  assert.deepEqual(englishWords(plan.held.join('\n')), [], plan.held.join('\n'));
});

const failing = (...ids: OutcomeId[]): CheckOutcome[] =>
  ids.map((id) => ({ id, status: 'fail', detail: '', hint: 'x' }));

test("over adb, --fix runs only the fixes adb's shell needs; the device's own are named, not run", () => {
  const plan = planAdbFixes(failing('android.phantom', 'pm2.process', 'startup.registered', 'disk.space'));
  assert.deepEqual(
    plan.fixes.map((f) => [f.id, f.commands]),
    [['android.phantom', PHANTOM_FIX]],
  );
  assert.equal(plan.held.length, 1);
  assert.match(plan.held[0]!, /^pm2\.process, startup\.registered: .*gate-mqtt doctor --fix$/);
  assert.deepEqual(planAdbFixes(failing('disk.space')), { fixes: [], held: [] });
});

/** Runs a probe or fix script in sh with the stand-in Android tools, as fake-adb's shell does. */
function onStandIn(script: string, prefix: string) {
  const run = spawnSync('/bin/sh', ['-c', script], {
    env: { PATH: `${FAKE_ANDROID}:/usr/bin:/bin`, PREFIX: prefix },
    encoding: 'utf8',
  });
  return { output: run.stdout + run.stderr, exitCode: run.status, timedOut: false, ms: 1 };
}

test('the fix script sets the settings (the stand-in records them) and the probe then reads them back', (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gmu-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const prefix = path.join(root, 'data/data/com.termux/files/usr');
  assert.equal(judgePhantom(onStandIn(phantomProbe(), prefix), ADB).status, 'fail', 'the stand-in is Android 14');
  const fixed = adbFixResult(PHANTOM_FIX, onStandIn(adbFixScript(PHANTOM_FIX), prefix));
  assert.equal(fixed.ok, true, fixed.detail);
  assert.match(fixed.detail, /^set over adb: device_config set_sync_disabled_for_tests persistent; /);
  assert.deepEqual(readFileSync(path.join(root, 'data/system/changes'), 'utf8').trim().split('\n'), [
    'device_config set_sync_disabled_for_tests persistent',
    'device_config put activity_manager max_phantom_processes 2147483647',
    'settings put global settings_enable_monitor_phantom_procs false',
  ]);
  assert.equal(judgePhantom(onStandIn(phantomProbe(), prefix), ADB).status, 'pass');
  mkdirSync(path.join(root, 'data/system'), { recursive: true });
  writeFileSync(path.join(root, 'data/system/sdk'), '30\n');
  assert.match(judgePhantom(onStandIn(phantomProbe(), prefix), ADB).detail, /SDK 30/);
});

test('a fix whose program fails names it and what it said; the ones before it still ran', () => {
  const commands = [PHANTOM_FIX[0]!, ['device_config', ['frobnicate']] as const];
  const result = adbFixResult(commands, {
    output: 'ran=0:0\ndevice_config: invalid arguments: frobnicate\nran=1:1\n',
    timedOut: false,
    ms: 5,
  });
  assert.equal(result.ok, false);
  assert.match(result.detail, /^device_config frobnicate failed \(exit 1\): device_config: invalid arguments/);
  const cut = adbFixResult(commands, { output: 'ran=0:0\n', timedOut: true, ms: 30_000 });
  assert.match(cut.detail, /^device_config frobnicate timed out/);
});
