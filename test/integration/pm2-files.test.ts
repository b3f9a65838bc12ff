import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pm2Probe } from '../../src/checks/shared.js';
import { resolveProfile } from '../../src/platform/profile.js';
import { parsePm2Probe } from '../../src/pm2/process-list.js';
import { provisioned, waitFor } from '../helpers/sandbox.js';

// The doctor reads pm2's state from its own files and /proc, without starting node on the gateway,
// where they settle it; the probe here is given a node that does not exist, so any answer that needed
// node would be no answer. Where the files do not settle it, the daemon is asked (a real node).

test("pm2's files and /proc: online without node; a stopped broker's or a dead daemon's pid file is not trusted", {
  timeout: 120_000,
}, async (t) => {
  const box = await provisioned(t);
  const pm2 = resolveProfile({ root: box.root }, false).pm2;
  const run = (layout: typeof pm2, files: boolean) =>
    spawnSync('/bin/sh', ['-c', pm2Probe(layout, files)], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } }).stdout;
  const noNode = { ...pm2, node: path.join(box.root, 'no-node-here') };

  const online = run(noNode, true);
  assert.match(online, /^pm2-files id=\d+ pid=\d+ start=\d+ uptime=[\d.]+$/m);
  const [mqtt] = parsePm2Probe(online);
  assert.equal(mqtt?.pid, box.mqtt()?.pid, 'the pid pm2 runs mqtt as');
  assert.equal(mqtt?.status, 'online');
  assert.equal(mqtt?.restarts, undefined, 'the files keep no restart count: none is claimed');
  const upFor = Date.now() - (mqtt?.uptimeSince ?? 0);
  assert.ok(upFor >= -2000 && upFor < 600_000, `uptime from /proc: ${upFor} ms`);

  // status needs the restart count: it asks the daemon (a real node), files or not
  assert.doesNotMatch(run(pm2, false), /pm2-files/);
  assert.equal(parsePm2Probe(run(pm2, false)).find((p) => p.name === 'mqtt')?.restarts, 0);

  // pm2 keeps the pid file of a stopped process: its pid is dead, the daemon is asked
  box.pm2(['stop', 'mqtt']);
  assert.doesNotMatch(run(pm2, true), /pm2-files/);
  assert.equal(parsePm2Probe(run(pm2, true)).find((p) => p.name === 'mqtt')?.status, 'stopped');
  box.pm2(['start', 'mqtt']);
  await waitFor('mqtt online again', () => box.mqtt()?.status === 'online', 20_000);

  // a daemon killed -9 leaves pm2.pid and the broker's pid file behind: not trusted either
  const daemon = Number(readFileSync(path.join(pm2.home, 'pm2.pid'), 'utf8'));
  const broker = box.mqtt()!.pid;
  process.kill(daemon, 'SIGKILL');
  t.after(() => {
    try {
      process.kill(broker, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  await waitFor(
    'the daemon gone',
    () => {
      try {
        process.kill(daemon, 0);
        return false;
      } catch {
        return true;
      }
    },
    10_000,
  );
  assert.doesNotMatch(run(noNode, true), /pm2-files/);
});
