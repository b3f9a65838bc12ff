import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { CLI, cleanEnv, parseJson, provisioned, waitFor } from '../helpers/sandbox.js';

const LOCAL_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /;

test('logs: the broker log in local time, JSON, our run logs and pm2s; -f follows', { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t);
  await roundTrip({ host: '127.0.0.1', port: box.port }); // a connection the broker logs

  const plain = await box.cli(['logs', '-n', '5']);
  assert.equal(plain.code, 0, plain.stderr);
  const lines = plain.stdout.trimEnd().split('\n');
  assert.ok(lines.length > 0 && lines.length <= 5, plain.stdout);
  for (const line of lines) assert.match(line, LOCAL_TIME, 'mosquitto epoch seconds became local date and time');
  assert.doesNotMatch(plain.stdout, /^\d{9,11}: /m);

  const json = parseJson<{ command: string; file: string; lines: { time: string | null; text: string }[] }>(
    await box.cli(['logs', '--lines', '3', '--json']),
  );
  assert.deepEqual([json.command, json.file, json.lines.length], ['logs', box.paths.brokerLog, 3]);
  assert.ok(json.lines.every((line) => line.time !== null && !/^\d+: /.test(line.text)));

  const ours = await box.cli(['logs', '--ours', '-n', '2']);
  assert.equal(ours.code, 0, ours.stderr);
  assert.match(ours.stdout, /==> .*provision\.log <==\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /);
  assert.match(ours.stdout, /==> .*pm2\.log <==\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d PM2 log: /);

  // -f: lines written after it started come out as they are written, until it is stopped.
  const follower = spawn(process.execPath, [CLI, 'logs', '-f', '-n', '0', '--root', box.root], { env: cleanEnv() });
  t.after(() => follower.kill('SIGKILL'));
  let followed = '';
  follower.stdout.on('data', (d) => (followed += d));
  // Connections go on until one shows: the first ones may come before it has found the log's end.
  await waitFor('a followed line', async () => {
    await roundTrip({ host: '127.0.0.1', port: box.port });
    return /New connection/.test(followed);
  });
  follower.kill('SIGTERM');
  for (const line of followed.trimEnd().split('\n')) assert.match(line, LOCAL_TIME);

  assert.equal((await box.cli(['logs', '-f', '--json'])).code, 2, '--follow does not go with --json');
  assert.equal((await box.cli(['logs', '-n', 'many'])).code, 2);
});

test('logs on a gateway where the broker never ran: one line, a hint, in Polish too', async (t) => {
  const { sandbox } = await import('../helpers/sandbox.js');
  const box = await sandbox(t);
  const english = await box.cli(['logs']);
  assert.equal(english.code, 1);
  assert.match(english.stderr, /^error: no broker log at .*\nhint: the broker has not run under pm2 here yet/);
  const polish = await box.cli(['logs', '--lang', 'pl']);
  assert.equal(polish.code, 1);
  assert.match(polish.stderr, /^błąd: .*\nwskazówka: .*gate-mqtt provision\n$/);
});

test('the broker log stays bounded between runs: the keeper moves it to mqtt.log.1 above 1 MiB', {
  timeout: 60_000,
}, async (t) => {
  const { sandbox } = await import('../helpers/sandbox.js');
  const { appendFileSync, existsSync, statSync } = await import('node:fs');
  const box = await sandbox(t);
  // The keeper looks every minute on a gateway; here every second, so the test does not wait a minute.
  const env = cleanEnv({ GATE_MQTT_KEEPER_SECONDS: '1' });
  const run = await box.cli(['provision', '--port', String(box.port)], { env });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /Keeper \(keeps the broker working\): started "mqtt-keeper"/);
  const keeper = box.pm2(['jlist']).stdout;
  assert.match(keeper, /"name":"mqtt-keeper"/);
  appendFileSync(box.paths.brokerLog, `${'x'.repeat(1023)}\n`.repeat(1200)); // 1.2 MiB, no command running
  await waitFor('the log moved aside', () => existsSync(`${box.paths.brokerLog}.1`), 15_000);
  assert.ok(statSync(box.paths.brokerLog).size < 1024 * 1024);
  assert.ok(statSync(`${box.paths.brokerLog}.1`).size >= 1200 * 1024);
  // pm2 goes on writing into the same file: a new connection still shows in the broker's log.
  await waitFor('a new line in the log', async () => {
    await roundTrip({ host: '127.0.0.1', port: box.port });
    return /New connection/.test((await box.cli(['logs', '-n', '20'])).stdout);
  });
  const again = parseJson<{ changed: boolean }>(await box.cli(['provision', '--json'], { env }));
  assert.equal(again.changed, false, 'the keeper is left alone when it runs as defined');
});
