import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfigText } from '../../src/config/load.js';
import { formatIssue } from '../../src/config/model.js';
import { aclProblems, pskProblems } from '../../src/config/security-files.js';
import { startupChecks } from '../../src/config/startup-checks.js';
import { type AddressList, interpretSources } from '../../src/network/interfaces.js';
import { addressesNow, interfaceNames, ownAddresses } from '../../src/network/local-addresses.js';
import { lines } from '../helpers/text.js';

/** What mosquitto meets when it starts on this machine: files, folders, ports, addresses. */
function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmv-'));
  chmodSync(dir, 0o755); // as root the broker drops to its own user, which must reach the test's files
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** This machine's addresses, as the validator is handed them (network/); `list` stands in for another device. */
const localOf = (list: AddressList) => ({
  addresses: ownAddresses(list),
  interfaces: interfaceNames(list),
  families: list.read,
});

async function startup(text: string, cwd: string, list: AddressList = addressesNow()) {
  const { model } = await loadConfigText(text, path.join(cwd, 'm.conf'), { cwd });
  const issues = await startupChecks(model, { cwd, local: localOf(list) });
  return {
    errors: issues
      .filter((i) => i.severity === 'error')
      .map(formatIssue)
      .join('\n'),
    warnings: issues
      .filter((i) => i.severity === 'warning')
      .map(formatIssue)
      .join('\n'),
  };
}

// as root the broker drops to its own user: the test's files are made readable by everyone
const open = (file: string, text = '') => writeFileSync(file, text, { mode: 0o644 });

test('password, acl and psk files must exist and be readable; a folder would hang mosquitto 2.0.11', async (t) => {
  const dir = scratch(t);
  const missing = await startup(lines('listener 18830', 'password_file /nonexistent/pw'), dir);
  assert.match(missing.errors, /m\.conf:2: password_file \/nonexistent\/pw: no such file/);
  mkdirSync(path.join(dir, 'pwdir'));
  assert.match(
    (await startup(lines('listener 18830', `password_file ${dir}/pwdir`), dir)).errors,
    /is a folder: mosquitto 2\.0\.11 would hang/,
  );
  open(path.join(dir, 'acl'), 'topic read a/#\ntopik b\n');
  assert.match(
    (await startup(lines('listener 18830', `acl_file ${dir}/acl`), dir)).errors,
    /acl:2: a line starts with topic, pattern or user, not "topik"/,
  );
});

test("relative paths are relative to the broker's working directory, not to the config file", async (t) => {
  const dir = scratch(t);
  open(path.join(dir, 'pw'));
  assert.equal((await startup(lines('listener 18830', 'password_file pw'), dir)).errors, '');
  assert.match((await startup(lines('listener 18830', 'password_file pw'), os.tmpdir())).errors, /no such file/);
});

test('the pid file folder must exist; a log file that cannot be opened only warns (stderr instead)', async (t) => {
  const dir = scratch(t);
  assert.match(
    (await startup(lines('listener 18830', 'pid_file /nonexistent/m.pid'), dir)).errors,
    /pid_file \/nonexistent\/m\.pid: mosquitto .* cannot write it/,
  );
  const log = await startup(lines('listener 18830', 'log_dest file /nonexistent/m.log'), dir);
  assert.equal(log.errors, '');
  assert.match(
    log.warnings,
    /log_dest file \/nonexistent\/m\.log: mosquitto cannot open it and logs to stderr instead/,
  );
  assert.match(
    (await startup(lines('listener 18830', 'persistence_location /nonexistent/'), dir)).warnings,
    /cannot save its database/,
  );
});

test('TLS files are read only when a listener has both certfile and keyfile; bridge TLS files only warn', async (t) => {
  const dir = scratch(t);
  const half = await startup(lines('listener 18830', 'certfile /nonexistent/c.pem'), dir);
  assert.equal(half.errors, '');
  assert.match(half.warnings, /TLS needs both certfile and keyfile .*plain TCP/);
  const both = await startup(lines('listener 18830', 'certfile /nonexistent/c.pem', 'keyfile /nonexistent/k.pem'), dir);
  assert.match(both.errors, /certfile \/nonexistent\/c\.pem: no such file/);
  assert.match(both.errors, /keyfile \/nonexistent\/k\.pem: no such file/);
  const bridge = await startup(
    lines('listener 18830', 'connection b', 'address 127.0.0.1:1', 'topic #', 'bridge_cafile /nonexistent/ca.pem'),
    dir,
  );
  assert.equal(bridge.errors, '');
  assert.match(bridge.warnings, /bridge_cafile \/nonexistent\/ca\.pem: no such file: bridge "b" will not connect/);
});

test("listeners: another machine's address, a port taken twice, no socket folder, websockets only", async (t) => {
  const dir = scratch(t);
  assert.match(
    (await startup('listener 18830 203.0.113.5\n', dir)).errors,
    /203\.0\.113\.5 is not an address of this machine/,
  );
  assert.match(
    (await startup(lines('listener 18830', 'listener 18830 127.0.0.1'), dir)).errors,
    /port 18830 is taken twice/,
  );
  assert.equal((await startup(lines('listener 18830 127.0.0.1', 'listener 18830 ::1'), dir)).errors, '');
  assert.match(
    (await startup('listener 0 /nonexistent/m.sock\n', dir)).errors,
    /unix socket \/nonexistent\/m\.sock: no such folder/,
  );
  assert.match(
    (await startup(lines('listener 18830', 'protocol websockets'), dir)).errors,
    /only websockets listeners/,
  );
  assert.match(
    (await startup('listener 18830\nbind_interface nosuchif0\n', dir)).errors,
    /bind_interface nosuchif0: no such network interface/,
  );
});

test('where Android refused a family of addresses, an address of that family is not judged', async (t) => {
  const dir = scratch(t);
  // IPv4 read (ifconfig still answers there), IPv6 refused: 2001:db8::5 may be the gateway's own
  const ipv4Only = interpretSources({
    ifconfig: 'wlan0     Link encap:Ethernet\n          inet addr:192.168.1.20  Bcast:192.168.1.255\n',
    errors: { ifInet6: '/proc/net/if_inet6: Permission denied' },
  });
  assert.equal((await startup('listener 18830 2001:db8::5\n', dir, ipv4Only)).errors, '');
  assert.match((await startup('listener 18830 203.0.113.5\n', dir, ipv4Only)).errors, /not an address of this machine/);
  // and the interfaces are not all known: bind_interface is not judged either
  assert.equal((await startup('listener 18830\nbind_interface wlan1\n', dir, ipv4Only)).errors, '');
});

test('ports below 1024 need root, and mosquitto does not keep root (nor does a Termux app have it)', async (t) => {
  const dir = scratch(t);
  assert.match(
    (await startup('listener 883\n', dir)).errors,
    /port 883: mosquitto runs as .* and may not listen below/,
  );
});

test('ACL and PSK file contents', () => {
  assert.deepEqual(aclProblems('# c\nuser bob\ntopic readwrite a/+/b\npattern read %c/#\ntopic write a/#/b\n'), [
    '5: "a/#/b" is not a valid topic filter',
  ]);
  assert.deepEqual(aclProblems('topic maybe x\n'), ['1: access must be read, write, readwrite or deny, not "maybe"']);
  assert.deepEqual(pskProblems('id1:00ff\nid2:xyz\n'), ['2: the key is not hexadecimal']);
});
