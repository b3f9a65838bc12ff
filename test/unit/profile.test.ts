import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { GateError } from '../../src/model/errors.js';
import { hostPackages, termuxPackages } from '../../src/platform/packages.js';
import { buildPaths, DEFAULT_PREFIX, detectTermuxPrefix, resolveProfile } from '../../src/platform/profile.js';

const exitCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof GateError ? error.exitCode : -1;
  }
  return 0;
};

test('Termux is found from TERMUX_VERSION, or from a PREFIX below /data/data/APP/files/usr', () => {
  assert.equal(detectTermuxPrefix({ TERMUX_VERSION: '0.118', PREFIX: '/x/usr' }), '/x/usr');
  assert.equal(
    detectTermuxPrefix({ PREFIX: '/data/data/pl.sviete.dom/files/usr/' }),
    '/data/data/pl.sviete.dom/files/usr',
  );
  assert.equal(detectTermuxPrefix({ PREFIX: '/usr/local' }), undefined);
  assert.equal(detectTermuxPrefix({}), undefined);
});

test('on a device every path follows the prefix; home is its sibling', () => {
  const profile = resolveProfile({ environment: { TERMUX_VERSION: '1', PREFIX: DEFAULT_PREFIX } }, true);
  assert.equal(profile.kind, 'termux');
  assert.equal(profile.paths.configFile, `${DEFAULT_PREFIX}/etc/mosquitto/mosquitto.conf`);
  assert.equal(profile.paths.home, '/data/data/com.termux/files/home');
  assert.equal(profile.paths.bootHook, '/data/data/com.termux/files/home/.termux/boot/start-mqtt');
  assert.equal(profile.pm2.script, `${DEFAULT_PREFIX}/lib/node_modules/pm2/bin/pm2`);
  assert.equal(profile.pm2.dumpFile, '/data/data/com.termux/files/home/.pm2/dump.pm2');
  assert.deepEqual(profile.mosquittoCandidates, [`${DEFAULT_PREFIX}/bin/mosquitto`]);
});

test('--prefix names another app id on a device', () => {
  const profile = resolveProfile({ prefix: '/data/data/pl.sviete.dom/files/usr', environment: {} }, true);
  assert.equal(profile.present, true);
  assert.equal(profile.paths.pm2Home, '/data/data/pl.sviete.dom/files/home/.pm2');
});

test('outside Termux and without --root, commands that change the device are exit 4', () => {
  assert.equal(
    exitCode(() => resolveProfile({ environment: {} }, true)),
    4,
  );
  assert.equal(resolveProfile({ environment: {} }, false).present, false);
});

test('--root puts every device path below the root', () => {
  const profile = resolveProfile({ root: '/tmp/box', environment: {} }, true);
  assert.equal(profile.kind, 'sandbox');
  for (const [key, value] of Object.entries(profile.paths)) {
    if (key !== 'root') assert.ok(value.startsWith('/tmp/box/'), `${key}: ${value}`);
  }
  assert.equal(profile.paths.configFile, `/tmp/box${DEFAULT_PREFIX}/etc/mosquitto/mosquitto.conf`);
});

test('--root with --prefix / or a prefix with .. still keeps HOME, pm2 and the boot hook below the root', () => {
  for (const prefix of ['/', '/usr', '/a/../../..']) {
    const paths = buildPaths('/tmp/box', path.resolve(prefix));
    for (const [key, value] of Object.entries(paths)) {
      if (key !== 'root')
        assert.ok(value === '/tmp/box' || value.startsWith('/tmp/box/'), `${prefix} ${key}: ${value}`);
    }
  }
  const profile = resolveProfile({ root: '/tmp/box', prefix: '/', environment: {} }, true);
  assert.equal(profile.paths.home, '/tmp/box/home');
  assert.equal(profile.paths.pm2Home, '/tmp/box/home/.pm2');
});

test('an empty --root or --prefix, a relative prefix or control characters are exit 2', () => {
  assert.equal(
    exitCode(() => resolveProfile({ root: '', environment: {} }, true)),
    2,
  );
  assert.equal(
    exitCode(() => resolveProfile({ prefix: '', environment: {} }, true)),
    2,
  );
  assert.equal(
    exitCode(() => resolveProfile({ prefix: 'relative/usr', environment: {} }, true)),
    2,
  );
  assert.equal(
    exitCode(() => resolveProfile({ root: '/tmp/a\nb', environment: {} }, true)),
    2,
  );
  assert.equal(
    exitCode(() => resolveProfile({ root: '/', environment: {} }, true)),
    2,
  );
});

test('the environment given to programs is small and deliberate', () => {
  const profile = resolveProfile(
    { root: '/tmp/box', environment: { PATH: '/usr/bin', SECRET: 'x', LANG: 'pl_PL.UTF-8' } },
    true,
  );
  assert.deepEqual(Object.keys(profile.env).sort(), ['HOME', 'LANG', 'LD_LIBRARY_PATH', 'PATH', 'PM2_HOME', 'PREFIX']);
  assert.equal(profile.env.LD_LIBRARY_PATH, `${profile.paths.prefix}/lib`, 'libraries unpacked from package files');
  assert.equal(profile.env.HOME, profile.paths.home);
  assert.equal(profile.env.PM2_HOME, profile.pm2.home);
  const termux = resolveProfile(
    { environment: { TERMUX_VERSION: '1', PREFIX: DEFAULT_PREFIX, LD_PRELOAD: '/p/libtermux-exec.so' } },
    true,
  );
  assert.equal(termux.env.LD_PRELOAD, '/p/libtermux-exec.so');
});

test('pm2 files come from one layout below the pm2 home', () => {
  const { pm2 } = resolveProfile({ root: '/tmp/box', environment: {} }, true);
  assert.deepEqual(
    [pm2.pidFile, pm2.dumpFile, pm2.rpcSocket].map((f) => path.relative(pm2.home, f)),
    ['pm2.pid', 'dump.pm2', 'rpc.sock'],
  );
});

test('the package manager comes from the profile and can be replaced', () => {
  const termux = termuxPackages('/p/bin');
  assert.deepEqual(
    termux.installCommands(['mosquitto']).map(([file]) => file),
    ['/p/bin/apt-get', '/p/bin/apt-get'],
  );
  assert.ok(termux.installCommands(['mosquitto'])[1]?.[1].includes('Dpkg::Options::=--force-confold'));
  // A sandbox fetches package files into its prefix (no root); without apt-get it cannot.
  assert.equal(hostPackages('/bin/sh').installMode, 'prefix');
  assert.equal(hostPackages('/bin/sh').unavailable, undefined);
  assert.match(hostPackages('/nonexistent/apt-get').unavailable?.message ?? '', /cannot fetch it \(no apt-get\)/);
  const fake = { ...termux, name: 'fake' };
  assert.equal(resolveProfile({ root: '/tmp/box', packages: fake, environment: {} }, true).packages.name, 'fake');
});
