import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientWords, connectFailure, findProgram } from '../../src/pty/connect-failure.js';

const ECHO = "printf '\\036%s%s\\036\\n' 'GMB' 'ab12'; PS1=''; PS2=''; stty -echo 2>/dev/null; true";

test("the client's words come back without our own typed lines", () => {
  assert.deepEqual(clientWords(`${ECHO}\nssh: connect to host 10.0.0.9 port 8022: Connection refused\n\n`), [
    'ssh: connect to host 10.0.0.9 port 8022: Connection refused',
  ]);
});

test("each client failure is told in the client's terms, exit 1, with a hint", () => {
  const cases: [string, RegExp][] = [
    ['ssh: connect to host 10.0.0.9 port 8022: Connection refused', /refused the connection/],
    ['u@10.0.0.9: Permission denied (publickey).', /refused the login of u/],
    ['@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@', /host key/],
    ['ssh: Could not resolve hostname gate: Name or service not known', /host name .* is unknown/],
    ['ssh: connect to host 10.0.0.9 port 8022: No route to host', /does not answer/],
    ['adb: no devices/emulators found', /no device answers over adb/],
    ['adb: device unauthorized.', /not authorised this computer/],
    ['adb: more than one device/emulator', /more than one device/],
    ['kex_exchange_identification: read: Connection reset by peer', /closed: kex_exchange/],
    ['', /closed before a shell answered/],
  ];
  for (const [said, expected] of cases) {
    const error = connectFailure('ssh://u@10.0.0.9:8022', 'u', 8022, `${ECHO}\n${said}\n`);
    assert.equal(error.exitCode, 1, said);
    assert.match(error.message, expected, said);
    assert.ok(error.hint, said);
    assert.doesNotMatch(error.message, /GMB|printf/, said);
  }
});

test('programs are found on PATH as execvp would, or not at all', () => {
  assert.equal(findProgram('sh', '/no/such:/bin'), '/bin/sh');
  assert.equal(findProgram('sh', '/no/such'), undefined);
  assert.equal(findProgram('/bin/sh', ''), '/bin/sh');
});
