import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PIPELINES } from '../../src/pipelines/catalog.js';
import { corruptDatabase, GARBAGE, isMosquittoDb, persistentConfig, setAside } from '../helpers/persistence.js';
import type { Scenario } from '../helpers/walk.js';
import { walk } from '../helpers/walk.js';
import { PREFLIGHT, stepsOf } from '../helpers/walk-scenarios.js';

/**
 * The crash walk (test/helpers/walk.ts) of `doctor --fix` setting a corrupt persistence database aside:
 * killed at every point it meets (the backup, the removal, each step), the next run ends with the broker
 * serving and the database never lost: in place, or byte for byte in a backup named with the reason.
 */
const scenario: Scenario = {
  name: 'doctor --fix (corrupt database)',
  prepare: async (_t, box) => {
    const provisioned = await box.cli(['provision', '--port', String(box.port)]);
    assert.equal(provisioned.code, 0, provisioned.stdout + provisioned.stderr);
    const db = await corruptDatabase(box);
    const actions = ['set-aside-database', 'start-broker'] as const;
    return {
      args: ['doctor', '--fix', '--port', String(box.port)],
      config: persistentConfig(box),
      serving: true,
      steps: stepsOf(box, (ctx) => PIPELINES['doctor --fix'](ctx, { actions, port: box.port })),
      check: (b, where) => {
        assert.equal(path.dirname(db), b.paths.dataDir);
        const kept = setAside(b, db);
        assert.ok(kept.length >= 1, `${where}: the database is in the backups`);
        for (const backup of kept) assert.deepEqual(backup.data, GARBAGE, `${where}: ${backup.id} byte for byte`);
        // what is at the path now, if anything, is the broker's own new database
        assert.ok(!existsSync(db) || isMosquittoDb(db), `${where}: no garbage left in place`);
      },
    };
  },
};

test('crash walk: doctor --fix sets a corrupt database aside', { timeout: 30 * 60_000 }, (t) =>
  walk(t, scenario, PREFLIGHT),
);
