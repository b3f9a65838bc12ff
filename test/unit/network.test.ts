import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { analyzeText } from '../../src/config/load.js';
import { classifyAddress } from '../../src/network/address-class.js';
import { judgeExposure, listenerReach } from '../../src/network/exposure.js';
import {
  type AddressList,
  interpretSources,
  parseIfconfig,
  parseIfInet6,
  parseIpAddr,
} from '../../src/network/interfaces.js';
import { addressesProbe, parseAddressesProbe } from '../../src/network/read-addresses.js';

test('addresses are classed as the issue defines: local, carrier, or not local (public and reserved alike)', () => {
  const table: Record<string, string> = {
    '127.0.0.1': 'loopback',
    '::1': 'loopback',
    '169.254.10.1': 'link-local',
    'fe80::1%wlan0': 'link-local',
    '10.0.0.7': 'private',
    '172.31.255.1': 'private',
    '172.32.0.1': 'not-local',
    '192.168.1.20': 'private',
    'fd00:50::2': 'unique-local',
    '100.64.0.1': 'carrier',
    '100.127.255.254': 'carrier',
    '100.128.0.1': 'not-local',
    '203.0.113.5': 'not-local',
    '192.0.2.2': 'not-local',
    '2001:db8::5': 'not-local',
    '::ffff:192.168.1.20': 'private',
  };
  for (const [address, kind] of Object.entries(table)) assert.equal(classifyAddress(address), kind, address);
});

const IP_ADDR = `1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever
3: wlan0    inet 192.168.1.20/24 brd 192.168.1.255 scope global wlan0\\       valid_lft forever
3: wlan0    inet6 2a02:a311:4:1::5/64 scope global dynamic mngtmpaddr \\       valid_lft 86000sec
4: rmnet_data0@rmnet0    inet 100.70.3.4/30 scope global rmnet_data0\\       valid_lft forever`;

const IF_INET6 = `00000000000000000000000000000001 01 80 10 80       lo
2a02a311000400010000000000000005 03 40 00 00    wlan0
fe8000000000000002003afffe12c0de 03 40 20 80    wlan0`;

// Android's toybox ifconfig (and busybox): "inet addr:" lines.
const TOYBOX = `wlan0     Link encap:UNSPEC    Driver icnss
          inet addr:192.168.1.20  Bcast:192.168.1.255  Mask:255.255.255.0
          inet6 addr: fe80::200:3aff:fe12:c0de/64 Scope: Link
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1

lo        Link encap:Local Loopback
          inet addr:127.0.0.1  Mask:255.0.0.0
`;

// net-tools ifconfig (Debian, Termux's package).
const NET_TOOLS = `rmnet0: flags=65<UP,RUNNING>  mtu 1500
        inet 203.0.113.9  netmask 255.255.255.252
        inet6 2001:db8::9  prefixlen 64  scopeid 0x0<global>
`;

test('each way of reading addresses is parsed: ip -o addr, /proc/net/if_inet6, toybox and net-tools ifconfig', () => {
  assert.deepEqual(
    parseIpAddr(IP_ADDR).map((a) => `${a.iface} ${a.address} ${a.family}`),
    ['lo 127.0.0.1 4', 'lo ::1 6', 'wlan0 192.168.1.20 4', 'wlan0 2a02:a311:4:1::5 6', 'rmnet_data0 100.70.3.4 4'],
  );
  assert.deepEqual(
    parseIfInet6(IF_INET6).map((a) => `${a.iface} ${a.address}`),
    ['lo ::1', 'wlan0 2a02:a311:4:1::5', 'wlan0 fe80::200:3aff:fe12:c0de'],
  );
  assert.deepEqual(
    parseIfconfig(TOYBOX).map((a) => `${a.iface} ${a.address}`),
    ['wlan0 192.168.1.20', 'wlan0 fe80::200:3aff:fe12:c0de', 'lo 127.0.0.1'],
  );
  assert.deepEqual(
    parseIfconfig(NET_TOOLS).map((a) => `${a.iface} ${a.address}`),
    ['rmnet0 203.0.113.9', 'rmnet0 2001:db8::9'],
  );
});

test('Android 13 without getifaddrs or netlink: IPv4 from ifconfig, IPv6 missing and said so', () => {
  const list = interpretSources({
    ifconfig: TOYBOX,
    errors: {
      node: 'uv_interface_addresses returned Unknown system error 13',
      ip: 'ip: Cannot bind netlink socket: Permission denied',
      ifInet6: '/proc/net/if_inet6: EACCES',
    },
  });
  assert.deepEqual(list.read, { 4: true, 6: false });
  assert.equal(list.source, 'ifconfig');
  assert.deepEqual(
    list.addresses.map((a) => a.address),
    ['192.168.1.20', '127.0.0.1'],
  );
  assert.match(list.gaps.join(';'), /IPv6: \/proc\/net\/if_inet6: EACCES/);
});

test('the probe a remote device runs is read back the same way (run here with the real sh)', () => {
  const run = spawnSync('/bin/sh', ['-c', addressesProbe()], { encoding: 'utf8' });
  const list = parseAddressesProbe(run.stdout);
  assert.ok(
    list.addresses.some((a) => a.address === '127.0.0.1'),
    run.stdout,
  );
  assert.equal(list.read[4], true);
  const denied = parseAddressesProbe(
    '== ip 2\nCannot bind netlink socket: Permission denied\n' +
      '== ifInet6 1\ncat: /proc/net/if_inet6: Permission denied\n' +
      `== ifconfig 0\n${TOYBOX}`,
  );
  assert.equal(denied.source, 'ifconfig');
  assert.match(denied.gaps.join(';'), /cat \/proc\/net\/if_inet6: cat: \/proc\/net\/if_inet6: Permission denied/);
});

const GATEWAY: AddressList = {
  addresses: [
    { iface: 'lo', address: '127.0.0.1', family: 4 },
    { iface: 'lo', address: '::1', family: 6 },
    { iface: 'wlan0', address: '192.168.1.20', family: 4 },
    { iface: 'wlan0', address: 'fe80::1', family: 6 },
    { iface: 'wlan0', address: '2001:db8::5', family: 6 },
    { iface: 'rmnet0', address: '100.70.3.4', family: 4 },
  ],
  source: 'getifaddrs',
  read: { 4: true, 6: true },
  gaps: [],
};

const reachOf = (text: string, list = GATEWAY) =>
  listenerReach(analyzeText(text, '/m.conf'), list).map(
    (r) => `${r.label} ${r.covered.map((a) => a.address).join(',')}`,
  );

test('which addresses a listener covers, as mosquitto binds it', () => {
  assert.deepEqual(reachOf('listener 1883 0.0.0.0\nallow_anonymous true\n'), [
    '0.0.0.0:1883 127.0.0.1,192.168.1.20,100.70.3.4',
  ]);
  assert.deepEqual(reachOf('listener 1883\nallow_anonymous true\n'), [
    '*:1883 127.0.0.1,192.168.1.20,100.70.3.4,::1,fe80::1,2001:db8::5',
  ]);
  assert.deepEqual(reachOf('listener 1883 ::\n'), ['[::]:1883 ::1,fe80::1,2001:db8::5']);
  assert.deepEqual(reachOf('listener 1883\nsocket_domain ipv4\n'), ['*:1883 127.0.0.1,192.168.1.20,100.70.3.4']);
  assert.deepEqual(reachOf('listener 1883\nbind_interface wlan0\n'), ['wlan0:1883 192.168.1.20,fe80::1']);
  assert.deepEqual(reachOf('listener 1883 192.168.1.20\nlistener 0 /run/m.sock\n'), ['192.168.1.20:1883 192.168.1.20']);
});

const judge = (text: string, list = GATEWAY) => {
  const verdict = judgeExposure(listenerReach(analyzeText(text, '/m.conf'), list), list);
  return `${verdict.status}: ${verdict.detail}`;
};

test('an anonymous listener on a not-local address fails; on the carrier network it warns; passwords pass', () => {
  const lanOnly = { ...GATEWAY, addresses: GATEWAY.addresses.filter((a) => a.iface !== 'rmnet0') };
  assert.match(
    judge('listener 1883 0.0.0.0\nallow_anonymous true\n', lanOnly),
    /^pass: .*192\.168\.1\.20 \(wlan0, private\).*not covered: 2001:db8::5 \(wlan0\)/,
  );
  assert.match(
    judge('listener 1883\nallow_anonymous true\n', lanOnly),
    /^fail: anonymous clients are let in on 2001:db8::5 \(wlan0, public or reserved/,
  );
  assert.match(
    judge('listener 1883 0.0.0.0\nallow_anonymous true\n'),
    /^warn: anonymous clients are let in on 100\.70\.3\.4 \(rmnet0, the mobile carrier's/,
  );
  assert.match(
    judge('listener 1883\nallow_anonymous false\npassword_file /p\n'),
    /^pass: every listener requires a password; \*:1883 require a password on every address/,
  );
  assert.match(
    judge('listener 1883 192.168.1.20\nallow_anonymous true\n'),
    /^pass: anonymous access only from local networks/,
  );
  const noIpv6 = { ...lanOnly, read: { 4: true, 6: false } as const, gaps: ['IPv6: /proc/net/if_inet6: EACCES'] };
  assert.match(
    judge('listener 1883\nallow_anonymous true\n', noIpv6),
    /^warn: not checked: \*:1883: IPv6 addresses could not be read \(IPv6: \/proc\/net\/if_inet6: EACCES\)/,
  );
  assert.match(judge('listener 1883 0.0.0.0\nallow_anonymous true\n', noIpv6), /^pass/);
});

test('the validator warns when an anonymous listener leaves out its address (IPv6 too), not otherwise', () => {
  const warnings = (text: string) =>
    analyzeText(text, '/m.conf')
      .issues.filter((i) => /every IPv6 address/.test(i.message))
      .map((i) => i.line);
  assert.deepEqual(warnings('listener 1883\nallow_anonymous true\n'), [1]);
  assert.deepEqual(warnings('listener 1883 0.0.0.0\nallow_anonymous true\n'), []);
  assert.deepEqual(warnings('listener 1883\nallow_anonymous false\n'), []);
  assert.deepEqual(warnings('listener 1883\nsocket_domain ipv4\nallow_anonymous true\n'), []);
});
