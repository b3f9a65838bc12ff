import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dependsNames } from '../../src/packages/deb.js';
import { prefixTarget } from '../../src/packages/install.js';

test("a package's Depends becomes package names: alternatives, versions and arch qualifiers dropped", () => {
  assert.deepEqual(
    dependsNames('adduser, libc6 (>= 2.34), libssl3 (>= 3.0.0) | libssl1.1, libwrap0:amd64 (>= 7.6), lsb-base'),
    ['adduser', 'libc6', 'libssl3', 'libwrap0', 'lsb-base'],
  );
  assert.deepEqual(dependsNames(''), []);
});

test("a sandbox takes a package's programs, libraries and mosquitto config; nothing else", () => {
  assert.equal(prefixTarget('usr/sbin/mosquitto'), 'bin/mosquitto');
  assert.equal(prefixTarget('usr/bin/mosquitto_passwd'), 'bin/mosquitto_passwd');
  assert.equal(prefixTarget('usr/lib/x86_64-linux-gnu/libmosquitto.so.1'), 'lib/libmosquitto.so.1');
  assert.equal(prefixTarget('usr/lib/x86_64-linux-gnu/libcjson.so.1.7.15'), 'lib/libcjson.so.1.7.15');
  assert.equal(prefixTarget('etc/mosquitto/mosquitto.conf'), 'etc/mosquitto/mosquitto.conf');
  for (const other of [
    'etc/init.d/mosquitto',
    'etc/logrotate.d/mosquitto',
    'lib/systemd/system/mosquitto.service',
    'usr/share/doc/mosquitto/copyright',
    'usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so.txt',
  ])
    assert.equal(prefixTarget(other), undefined, other);
});
