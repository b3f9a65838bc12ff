import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roundTrip } from '../../src/broker/round-trip.js';
import { readSysTopics } from '../../src/broker/sys-topics.js';
import { freePort, provisioned } from '../helpers/sandbox.js';

/** The tool's own small MQTT client against the real mosquitto (the other tests check with mqtt.js). */

test("the tool's round trip: one connection subscribes and publishes through the real broker", {
  timeout: 60_000,
}, async (t) => {
  const box = await provisioned(t);
  const trip = await roundTrip({ host: '127.0.0.1', port: box.port });
  assert.equal(trip.ok, true, JSON.stringify(trip));
  const sys = await readSysTopics({ host: '127.0.0.1', port: box.port, topics: ['$SYS/broker/version'] });
  assert.match(sys.get('$SYS/broker/version') ?? '', /^mosquitto version 2\./);
});

test("the tool's round trip tells a refusal by the broker from a closed port", { timeout: 60_000 }, async (t) => {
  const box = await provisioned(t, { auth: { username: 'u', password: 'right-one' } });
  const refused = await roundTrip({ host: '127.0.0.1', port: box.port, username: 'u', password: 'wrong' });
  // mosquitto answers a wrong password with CONNACK 5 (not authorised): still a broker that answers
  assert.deepEqual(refused, { ok: false, reason: 'Connection refused: Not authorized', refused: true });
  const anonymous = await roundTrip({ host: '127.0.0.1', port: box.port });
  assert.equal(anonymous.ok === false && anonymous.refused, true);
  assert.equal((await roundTrip({ host: '127.0.0.1', port: box.port, username: 'u', password: 'right-one' })).ok, true);
  const closed = await roundTrip({ host: '127.0.0.1', port: await freePort(), timeoutMs: 2000 });
  assert.match(closed.ok ? '' : closed.reason, /ECONNREFUSED/);
});
