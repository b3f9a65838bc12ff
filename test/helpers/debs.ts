import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { parseJson, type Result, type Sandbox, sandbox, sha256File } from './sandbox.js';

/**
 * Real Debian builds of the broker (2.0.11-1.2+deb12u1 security, +deb12u2 main), fetched once by
 * scripts/test.js or .ci/run (apt-get download); nothing here uses the network.
 */
export const DEBS = process.env.GATE_MQTT_TEST_DEBS ?? '/var/cache/gate-mqtt-test/debs';
export const U1 = '2.0.11-1.2+deb12u1';
export const U2 = '2.0.11-1.2+deb12u2';

const debOf = (version: string) => {
  const file = readdirSync(DEBS).find((name) => name.startsWith(`mosquitto_${version}_`));
  assert.ok(file, `mosquitto ${version} in ${DEBS} (sudo node scripts/system-deps.js --download-debs)`);
  return path.join(DEBS, file);
};

/** A folder holding the package files named (copies: a test may add to or break its folder). */
export function folder(t: TestContext, ...versions: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-debs-'));
  chmodSync(dir, 0o755);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const version of versions) copyFileSync(debOf(version), path.join(dir, path.basename(debOf(version))));
  return dir;
}

/** u2 repacked (dpkg-deb, the real tool) as VERSION after `change` edits its unpacked tree. */
export function repacked(t: TestContext, version: string, change: (tree: string) => void): string {
  const dir = folder(t);
  const tree = path.join(dir, 'tree');
  spawnSync('dpkg-deb', ['-R', debOf(U2), tree]);
  change(tree);
  const control = path.join(tree, 'DEBIAN/control');
  writeFileSync(control, readFileSync(control, 'utf8').replace(/^Version: .*$/m, `Version: ${version}`));
  spawnSync('dpkg-deb', ['-b', tree, path.join(dir, `mosquitto_${version}_amd64.deb`)]);
  rmSync(tree, { recursive: true, force: true });
  return dir;
}

/** u2 repacked as a build whose broker exits 1 at once. */
export const brokenBuild = (t: TestContext) =>
  repacked(t, '2.0.11-1.2+deb12u2+broken1', (tree) =>
    writeFileSync(path.join(tree, 'usr/sbin/mosquitto'), '#!/bin/sh\nexit 1\n', { mode: 0o755 }),
  );

export const brokerBinary = (box: Sandbox) => path.join(box.paths.bin, 'mosquitto');

export const recordedVersion = (box: Sandbox) =>
  (JSON.parse(readFileSync(path.join(box.paths.stateDir, 'packages.json'), 'utf8')) as { broker: { version: string } })
    .broker.version;

/** The broker binary a package holds, unpacked aside (to compare with what runs). */
export function packagedBinary(t: TestContext, dir: string): string {
  const deb = readdirSync(dir).find((name) => name.endsWith('.deb'))!;
  const out = mkdtempSync(path.join(os.tmpdir(), 'gmt-unpack-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  spawnSync('dpkg-deb', ['-x', path.join(dir, deb), out]);
  return sha256File(path.join(out, 'usr/sbin/mosquitto'));
}

/** A sandbox gateway provisioned offline from u1's package file (or `version`'s). */
export async function offlineInstall(t: TestContext, version = U1): Promise<Sandbox> {
  const box = await sandbox(t);
  const run = await box.cli(['provision', '--port', String(box.port), '--packages', folder(t, version), '--json']);
  const result = parseJson<Result>(run);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const install = result.steps.find((s) => s.id === 'mosquitto.install');
  assert.match(install?.detail ?? '', new RegExp(`installed mosquitto ${version.replace(/\+/g, '\\+')} from `));
  return box;
}
