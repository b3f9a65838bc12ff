import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/config/analyze.js';
import { includeOrder, loadConfigText } from '../../src/config/load.js';
import { type ConfIssue, formatIssue, locate } from '../../src/config/model.js';
import { parseConfig } from '../../src/config/parse.js';
import { atoi } from '../../src/config/readers.js';
import { lanListenerProblem } from '../../src/tasks/validate.js';
import { lines } from '../helpers/text.js';

/** How mosquitto 2.0.11 reads each kind of line (src/conf.c), one representative config per rule. */
const check = (text: string, brokerVersion?: string) => {
  const model = analyze(locate(parseConfig(text, '/c.conf')), {
    mainFile: '/c.conf',
    ...(brokerVersion ? { brokerVersion } : {}),
  });
  const show = (severity: ConfIssue['severity']) =>
    model.issues.filter((i) => i.severity === severity).map(formatIssue);
  return { model, errors: show('error'), warnings: show('warning') };
};
const ok = (text: string) => {
  const result = check(text);
  assert.deepEqual(result.errors, [], text);
  return result;
};

test('booleans and numbers read the first word only: a comment after them is ignored, with a warning', () => {
  const { warnings } = ok(
    lines('listener 1883', 'allow_anonymous true  # note', 'message_size_limit 10485760  # 10MB'),
  );
  assert.match(
    warnings.join('\n'),
    /:2: warning: allow_anonymous reads only "true": mosquitto ignores the rest of the line \("# note"\)/,
  );
  assert.match(warnings.join('\n'), /:3: warning: message_size_limit reads only "10485760"/);
  ok(lines('listener 1883', 'allow_anonymous 1', 'persistence 0'));
  assert.match(check('allow_anonymous yes\n').errors[0] ?? '', /must be true or false \(or 1 or 0\), not "yes"/);
});

test('numbers are read like C atoi: "10MB" is 10 (a warning), ranges are mosquitto 2.0.11\'s', () => {
  assert.equal(atoi('10MB'), 10);
  assert.equal(atoi('4294967295'), -1);
  assert.equal(atoi('abc'), 0);
  assert.match(ok(lines('listener 1883', 'memory_limit 10MB')).warnings.join('\n'), /"10MB" is read as 10/);
  assert.match(
    check('max_keepalive 0\n').errors[0] ?? '',
    /max_keepalive must be 10-65535 in mosquitto 2\.0\.11, not 0/,
  );
  assert.match(check('message_size_limit -1\n').errors[0] ?? '', /message_size_limit must be 0-268435455/);
  assert.match(check('max_packet_size 0\n').errors[0] ?? '', /at least 20/);
});

test('strings and paths take the rest of the line: "# note" after a path is part of the path (a warning)', () => {
  const { model, warnings } = ok(lines('listener 1883', 'password_file /x # note'));
  assert.equal(model.global.get('password_file')?.[0]?.value, '/x # note');
  assert.match(warnings[0] ?? '', /password_file is "\/x # note": mosquitto has no comments after a value/);
  assert.match(check('listener 1883\nacl_file /a\tb\n').errors[0] ?? '', /tab or another control character/);
});

test('repeats: the last wins where mosquitto lets it (a warning), an error where it refuses', () => {
  assert.match(
    ok(lines('listener 1883', 'allow_anonymous true', 'allow_anonymous false')).warnings[0] ?? '',
    /set again \(first at \/c\.conf:2\): mosquitto uses this last value/,
  );
  assert.match(
    check(lines('listener 1883', 'password_file /a', 'password_file /b')).errors[0] ?? '',
    /duplicate "password_file" \(first set at \/c\.conf:2\)/,
  );
  assert.match(check(lines('user a', 'user b')).errors[0] ?? '', /duplicate "user"/);
  // without per_listener_settings a password file belongs to the broker: one per config
  assert.match(
    check(lines('listener 1', 'password_file /a', 'listener 2', 'password_file /b')).errors[0] ?? '',
    /duplicate "password_file"/,
  );
  ok(lines('per_listener_settings true', 'listener 1', 'password_file /a', 'listener 2', 'password_file /b'));
});

test('no listener is local only mode: a warning, and the gateway policy that config apply enforces', () => {
  const { model, warnings } = ok(lines('allow_anonymous true'));
  assert.equal(model.localOnly, true);
  assert.match(
    warnings.join('\n'),
    /\/c\.conf:1: warning: no listener: mosquitto 2 listens on 127\.0\.0\.1 and ::1 port 1883 only/,
  );
  assert.match(lanListenerProblem(model) ?? '', /no listener/);
  assert.match(lanListenerProblem(ok('listener 1883 127.0.0.1\n').model) ?? '', /loopback/);
  assert.equal(lanListenerProblem(ok('listener 1883 0.0.0.0\n').model), undefined);
});

test('the deprecated port makes the default listener (a warning); options before any listener open one on 1883', () => {
  const port = ok(lines('port 1883', 'allow_anonymous true'));
  assert.deepEqual(
    port.model.listeners.map((l) => [l.port, l.implicit]),
    [[1883, true]],
  );
  assert.match(port.warnings[0] ?? '', /'port' option is deprecated/);
  const early = ok(lines('max_connections 5', 'listener 18831'));
  assert.deepEqual(
    early.model.listeners.map((l) => l.port),
    [18831, 1883],
  );
  assert.match(
    early.warnings.join('\n'),
    /max_connections comes before any listener line of its file: mosquitto 2\.0\.11 then opens another listener/,
  );
});

test('lines are split as mosquitto does: "#" only in column 0, only spaces separate, a tab is part of a word', () => {
  assert.match(check('listener 1883\n  # indented\n').errors[0] ?? '', /unknown option "#"/);
  assert.match(check('port\t1883\n').errors[0] ?? '', /unknown option "port\t1883"/);
  ok(lines('  listener 1883', '# comment', '', '   ', 'allow_anonymous true\r'));
});

test('an unknown option gets the nearest known one; an option of a newer mosquitto says which version', () => {
  assert.match(
    check('allow_anonymus true\n').errors[0] ?? '',
    /unknown option "allow_anonymus" \(did you mean "allow_anonymous"\?\)/,
  );
  assert.match(
    check('global_plugin /x.so\n', '2.0.11').errors[0] ?? '',
    /global_plugin needs mosquitto 2\.1\.0 or later; this gateway has 2\.0\.11/,
  );
  assert.deepEqual(check('listener 1883\nglobal_plugin /x.so\n', '2.1.1').errors, []);
  assert.match(check('store_clean_interval 10\n').errors[0] ?? '', /unknown option "store_clean_interval"/);
});

test('bridges: address without a port is 1883; bridge options need a connection, an address and a topic', () => {
  const { model } = ok(lines('listener 1883', 'connection up', 'address broker.example', 'topic # out'));
  assert.deepEqual(model.bridges[0]?.addresses, ['broker.example:1883']);
  assert.match(
    check(lines('listener 1', 'remote_username x')).errors[0] ?? '',
    /remote_username is a bridge option: it needs a "connection" line/,
  );
  assert.match(check(lines('listener 1', 'connection b', 'topic # out')).errors[0] ?? '', /bridge "b" has no address/);
  assert.match(check(lines('listener 1', 'connection b', 'address h')).errors[0] ?? '', /bridge "b" has no topic/);
  assert.match(
    check(lines('listener 1', 'connection b', 'address h', 'address i', 'topic #')).errors[0] ?? '',
    /a bridge takes one address line/,
  );
  assert.match(
    check(lines('listener 1', 'connection b', 'address h', 'topic a # c')).errors[0] ?? '',
    /direction must be in, out or both, not "#" \(no comment may follow the pattern\)/,
  );
  ok(lines('listener 1', 'connection b', 'address h', 'topic a out # c'));
  assert.match(
    check(lines('listener 1', 'connection b', 'address h', 'topic #', 'restart_timeout 10 # x')).errors[0] ?? '',
    /cap .* is lower than the base/,
  );
  assert.match(
    check(lines('listener 1', 'connection b', 'address h', 'topic #', 'bridge_protocol_version mqttv311 ')).errors[0] ??
      '',
    /exactly mqttv31, mqttv311 or mqttv50/,
  );
  assert.match(
    check(lines('listener 1', 'connection b', 'address h', 'topic #', 'start_type manual')).errors[0] ?? '',
    /manual is not supported/,
  );
});

test('security order and plugins: per_listener_settings first; plugin options need their plugin', () => {
  assert.match(
    check(lines('allow_anonymous true', 'per_listener_settings true')).errors[0] ?? '',
    /per_listener_settings must come before/,
  );
  assert.match(check(lines('listener 1', 'plugin_opt_key x')).errors[0] ?? '', /needs a "plugin" line before it/);
  assert.match(check(lines('listener 1', 'plugin /p.so', 'plugin_opt_ab x')).errors[0] ?? '', /at least 3 characters/);
  ok(lines('listener 1', 'plugin /p.so', 'plugin_opt_abc x'));
});

test('log lines: an empty log_type is accepted with a warning; one log file only; durations need a unit', () => {
  assert.match(ok(lines('listener 1', 'log_type')).warnings.join('\n'), /log_type has no value/);
  assert.match(
    check(lines('log_dest file /a.log', 'log_dest file /b.log')).errors[0] ?? '',
    /duplicate "log_dest file"/,
  );
  assert.match(check('log_dest console\n').errors[0] ?? '', /log_dest must be one of/);
  ok(lines('listener 1', 'persistent_client_expiration 14d'));
  assert.match(
    check('persistent_client_expiration 5\n').errors[0] ?? '',
    /persistent_client_expiration must be a number and h, d, w/,
  );
});

test('a listener port must be a number: "listener localhost" is port 0 without a socket path', () => {
  assert.match(check('listener localhost\n').errors[0] ?? '', /port 0 needs a unix socket path/);
  assert.match(ok('listener 127.0.0.1\n').warnings[0] ?? '', /"127\.0\.0\.1" is read as port 127/);
});

test("include_dir files load in mosquitto's order: by upper-cased byte, upper case first", async () => {
  assert.deepEqual(['b.conf', 'B.conf', 'a.conf', 'A.conf', '01.conf'].sort(includeOrder), [
    '01.conf',
    'A.conf',
    'a.conf',
    'B.conf',
    'b.conf',
  ]);
  const { model } = await loadConfigText('listener 1883\ninclude_dir conf.d\n', '/etc/m.conf', {
    cwd: '/nonexistent-cwd',
  });
  assert.match(formatIssue(model.issues[0]!), /include_dir "conf\.d": no such folder/);
});
