import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG, checksFor, moduleOf } from '../../src/checks/catalog.js';
import type { CheckEnv, ProbeOutput, Prober } from '../../src/checks/check.js';
import { factoryConfig } from '../../src/config/factory.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { probe } from '../helpers/unit-context.js';

/** Answers each probe by its key, and records which scripts were asked for. */
class ScriptedProber implements Prober {
  readonly asked: Array<[string, string]> = [];
  constructor(private readonly answers: Record<string, ProbeOutput>) {}
  async probe(key: string, script: string): Promise<ProbeOutput> {
    this.asked.push([key, script]);
    return this.answers[key] ?? probe('', 1);
  }
}

const profile = resolveProfile({ root: '/sandbox' }, false);
const config = (text: string) => probe(`mode=644\n${Buffer.from(text).toString('base64')}`);

test('every check in the catalog has a unique id and a title', () => {
  const ids = CATALOG.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const check of CATALOG) assert.ok(check.title.length > 0, check.id);
});

test('the local doctor leaves out broker.reachable; a remote target adds it', () => {
  const prober = new ScriptedProber({});
  assert.ok(!checksFor({ prober, profile, token: 'tok' }).some((c) => c.id === 'broker.reachable'));
  assert.ok(checksFor({ prober, profile, remoteHost: 'gw', token: 'tok' }).some((c) => c.id === 'broker.reachable'));
});

test('an outcome finds its module, bridge outcomes included', () => {
  assert.equal(moduleOf({ id: 'bridge.up', status: 'fail', detail: '', hint: null })?.id, 'bridge');
  assert.equal(moduleOf({ id: 'pm2.process', status: 'fail', detail: '', hint: null })?.fix, 'start-broker');
});

test('checks that share a probe ask for it by the same key, with the device path', async () => {
  const prober = new ScriptedProber({ config: config(factoryConfig(1883)) });
  const env: CheckEnv = { prober, profile, token: 'tok' };
  const ids = ['config.present', 'config.valid', 'config.security'];
  for (const check of CATALOG.filter((c) => ids.includes(c.id))) await check.run(env);
  assert.deepEqual(new Set(prober.asked.map(([key]) => key)), new Set(['config']));
  assert.ok(prober.asked.every(([, script]) => script.includes(profile.paths.configFile)));
});

test('every check runs on a device that answers nothing, and says so instead of throwing', async () => {
  const env: CheckEnv = { prober: new ScriptedProber({}), profile, token: 'tok' };
  for (const check of checksFor(env)) {
    const outcomes = await check.run(env);
    for (const outcome of outcomes) {
      assert.ok(['pass', 'warn', 'fail'].includes(outcome.status), check.id);
      assert.ok(outcome.status === 'pass' || outcome.hint, `${outcome.id} gives a hint when it does not pass`);
    }
  }
});

test('the broker checks dial the listener of the config in force', async () => {
  const prober = new ScriptedProber({ config: config('listener 18555 127.0.0.1\nallow_anonymous true\n') });
  const listening = CATALOG.find((c) => c.id === 'broker.listening')!;
  await listening.run({ prober, profile, token: 'tok' });
  const script = prober.asked.find(([key]) => key === 'broker-trip')?.[1] ?? '';
  assert.match(script, /-h '?127\.0\.0\.1'? -p '?18555'?/);
});
