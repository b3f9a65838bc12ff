import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import {
  CLI,
  type CliResult,
  cleanEnv,
  freePort,
  PROJECT,
  provisioned,
  type Sandbox,
  sandbox,
  waitFor,
} from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

/**
 * One exit-code contract: every row of the README's exit table is produced by a real run here, each
 * failure as one error line and a hint line. Ctrl-C and SIGTERM finish the change under way first.
 */

/** The CLI started in the background, stopped at a point (GATE_MQTT_PAUSE_AT) until `go()`. */
function paused(box: Sandbox, args: string[], point: string) {
  const until = path.join(box.root, `go-${point.replace(/\W/g, '-')}`);
  const env = cleanEnv({ GATE_MQTT_PAUSE_AT: point, GATE_MQTT_PAUSE_UNTIL: until });
  const child = spawn(process.execPath, [CLI, ...args, '--root', box.root], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const ended = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, ended, go: () => writeFileSync(until, '') };
}

/** A change under way, stopped by `signal` between writing the new config and proving it. */
async function interrupted(t: TestContext, signal: 'SIGINT' | 'SIGTERM') {
  const box = await provisioned(t);
  const port = await freePort();
  const next = lines('# next', `listener ${port} 0.0.0.0`, 'allow_anonymous true');
  const file = path.join(box.root, 'next.conf');
  writeFileSync(file, next);
  const run = paused(box, ['config', 'apply', file], 'after:config.write');
  await waitFor('the new config written', () => readFileSync(box.paths.configFile, 'utf8') === next, 30_000);
  run.child.kill(signal);
  run.go();
  return { box, port, next, result: await run.ended };
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} between writing a config and verifying it: the change is finished first, exit ${code}`, {
    timeout: 90_000,
  }, async (t) => {
    const { box, port, next, result } = await interrupted(t, signal);
    assert.equal(result.code, code, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`${signal}: stopping after this step`));
    assert.match(
      result.stderr,
      new RegExp(`error: interrupted by ${signal}: the unfinished config apply of .* was completed`),
    );
    assert.match(result.stderr, /\nhint: run the same command again to go on/);
    assert.equal(readFileSync(box.paths.configFile, 'utf8'), next);
    assert.equal((await roundTrip({ host: '127.0.0.1', port })).ok, true, 'the broker serves the new config');
    assert.equal(existsSync(path.join(box.paths.stateDir, 'change.json')), false, 'nothing left under way');
    assert.equal(existsSync(box.paths.lockFile), false);
  });
}

/** Each row of the table: a real run that ends with it. */
const PRODUCE: Record<number, (t: TestContext) => Promise<CliResult>> = {
  0: async (t) => (await sandbox(t)).cli(['provision', '--port', String(await freePort())]),
  1: async (t) => {
    const box = await sandbox(t);
    const server = net.createServer().listen(box.port, '127.0.0.1');
    t.after(() => server.close());
    return box.cli(['provision', '--port', String(box.port)]);
  },
  2: async (t) => (await sandbox(t)).cli(['provision', '--port', '0']),
  3: async (t) => {
    const box = await sandbox(t);
    const first = paused(box, ['provision', '--port', String(box.port)], 'after:preflight.lock');
    await waitFor('the first run to hold the lock', () => existsSync(box.paths.lockFile), 30_000);
    const second = await box.cli(['provision', '--port', String(box.port)]);
    first.go();
    await first.ended;
    return second;
  },
  4: async () => {
    const { runCli } = await import('../helpers/sandbox.js');
    return runCli(['provision']); // no Termux here, and no --root
  },
  70: async (t) => (await sandbox(t)).cli(['status'], { env: cleanEnv({ GATE_MQTT_BUG_AT: 'command:status' }) }),
  130: async (t) => (await interrupted(t, 'SIGINT')).result,
  143: async (t) => (await interrupted(t, 'SIGTERM')).result,
};

/** The codes of the README's exit table (section "Output, log files, exit codes"). */
function readmeCodes(): number[] {
  const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| exit | meaning |'));
  return [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
}

test("every code of the README's exit table comes out of a real run, each failure with its hint", {
  timeout: 300_000,
}, async (t) => {
  const codes = readmeCodes();
  assert.deepEqual(codes, Object.keys(PRODUCE).map(Number), 'the table and this test name the same codes');
  for (const code of codes) {
    const run = await PRODUCE[code]!(t);
    assert.equal(run.code, code, `exit ${code}: ${run.stdout}${run.stderr}`);
    if (code === 0) continue;
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
    assert.equal(errors.length, 1, `exit ${code}: one error line\n${run.stderr}`);
    assert.match(run.stderr, /\nhint: \S/, `exit ${code}: a hint line\n${run.stderr}`);
  }
});
