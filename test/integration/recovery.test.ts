import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { roundTrip } from '../helpers/mqtt.js';
import { cleanEnv, freePort, parseJson, provisioned, type Result, type Sandbox } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

/** A change a killed run left unfinished, met by a later run of another command. */

const journal = (box: Sandbox) => path.join(box.paths.stateDir, 'change.json');

/** A config on another port that validates (and passes the trial start) but does not come up for real. */
function doesNotComeUp(box: Sandbox, port: number): string {
  const data = path.join(box.root, 'pdata');
  mkdirSync(data, { mode: 0o755 });
  writeFileSync(path.join(data, 'mosquitto.db'), 'not a mosquitto database\n', { mode: 0o644 });
  chmodSync(box.root, 0o755); // started as root, mosquitto reads it as its own user
  const file = path.join(box.root, 'bad.conf');
  writeFileSync(
    file,
    lines(`listener ${port} 0.0.0.0`, 'allow_anonymous true', 'persistence true', `persistence_location ${data}/`),
  );
  return file;
}

test('a config that does not come up, killed before its proof: the next provision undoes it, on the old port', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const before = readFileSync(box.paths.configFile, 'utf8');
  const file = doesNotComeUp(box, await freePort());
  const env = cleanEnv({ GATE_MQTT_CRASH_AT: 'after:config.write' });
  assert.equal((await box.cli(['config', 'apply', file], { env })).code, null, 'killed');
  const run = await box.cli(['provision', '--port', String(box.port), '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const result = parseJson<Result>(run);
  const recovered = result.steps.find((s) => s.id === 'preflight.journal');
  assert.match(recovered?.detail ?? '', /unfinished config apply of .* was undone: the previous config was put back/);
  const verified = result.steps.find((s) => s.id === 'verify.roundtrip');
  assert.match(
    verified?.detail ?? '',
    new RegExp(`round trip on 127\\.0\\.0\\.1:${box.port}`),
    'checked on the old port',
  );
  assert.equal(readFileSync(box.paths.configFile, 'utf8'), before);
  assert.equal(existsSync(journal(box)), false);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true);
});

test('a change whose way back is gone is set aside with a warning, and the run goes on', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const file = doesNotComeUp(box, await freePort());
  const env = cleanEnv({ GATE_MQTT_CRASH_AT: 'after:config.write' });
  assert.equal((await box.cli(['config', 'apply', file], { env })).code, null, 'killed');
  rmSync(box.paths.backupDir, { recursive: true, force: true }); // the way back is gone
  const run = await box.cli(['reset', '--yes', '--port', String(box.port), '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const recovered = parseJson<Result>(run).steps.find((s) => s.id === 'preflight.journal');
  assert.match(recovered?.detail ?? '', /could be neither completed nor undone/);
  assert.ok(recovered?.warning, 'said as a warning, with what to look at');
  assert.equal(existsSync(journal(box)), false);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port })).ok, true, 'the reset brought the broker back');
});
