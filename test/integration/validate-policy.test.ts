import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseJson, provisioned, type Result, type Sandbox, sha256File } from '../helpers/sandbox.js';
import { lines } from '../helpers/text.js';

interface Validation {
  ok: boolean;
  errors: Array<{ line: number; message: string }>;
  warnings: Array<{ line: number; message: string }>;
  policy: string | null;
}

function candidate(box: Sandbox, name: string, text: string): string {
  const file = path.join(box.root, name);
  writeFileSync(file, text);
  return file;
}

test('validate and apply give the same verdict and exit code for the same file', { timeout: 120_000 }, async (t) => {
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  const refused = [
    lines(`listener ${box.port} 0.0.0.0`, 'allow_anonymus true'),
    lines(`listener ${box.port} 0.0.0.0`, 'allow_anonymous true', 'pid_file /no/such/folder/m.pid'),
    lines(`listener ${box.port} 0.0.0.0`, 'listener_allow_anonymous true'),
  ];
  for (const [index, text] of refused.entries()) {
    const file = candidate(box, `refused-${index}.conf`, text);
    const validate = await box.cli(['config', 'validate', file, '--json']);
    const apply = await box.cli(['config', 'apply', file, '--json']);
    assert.equal(validate.code, 2, validate.stdout);
    assert.equal(apply.code, 2, apply.stdout);
    const first = parseJson<Validation>(validate).errors[0];
    assert.ok(first, validate.stdout);
    assert.ok(parseJson<Result>(apply).error?.message.includes(first.message), `${apply.stdout} / ${first.message}`);
  }
  assert.equal(sha256File(box.paths.configFile), before);

  // What mosquitto runs with but may not be meant (a repeat, text after a number, a log file it cannot
  // open: it logs to stderr instead): warnings, exit 0 for both, applied.
  const risky = lines(
    `listener ${box.port} 0.0.0.0`,
    'allow_anonymous false',
    'allow_anonymous true',
    'max_inflight_messages 20 # per client',
    'log_dest file /no/such/folder/m.log',
  );
  const file = candidate(box, 'risky.conf', risky);
  const validate = await box.cli(['config', 'validate', file, '--json']);
  assert.equal(validate.code, 0, validate.stdout);
  const report = parseJson<Validation>(validate);
  assert.deepEqual(
    report.warnings.map((w) => w.line),
    [3, 4, 5],
    validate.stdout,
  );
  const strict = await box.cli(['config', 'validate', file, '--strict', '--json']);
  assert.equal(strict.code, 2, strict.stdout);
  const strictApply = await box.cli(['config', 'apply', file, '--strict', '--json']);
  assert.equal(strictApply.code, 2, strictApply.stdout);
  assert.equal(sha256File(box.paths.configFile), before);
  const apply = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(apply.code, 0, apply.stdout);
  assert.equal(parseJson<Result>(apply).changed, true);
});

test('a config no LAN device can reach is valid, but apply refuses it unless --allow-local-only', {
  timeout: 120_000,
}, async (t) => {
  const box = await provisioned(t);
  const before = sha256File(box.paths.configFile);
  const file = candidate(box, 'local.conf', lines(`listener ${box.port} 127.0.0.1`, 'allow_anonymous true'));
  const validate = await box.cli(['config', 'validate', file, '--json']);
  assert.equal(validate.code, 0, validate.stdout);
  assert.match(parseJson<Validation>(validate).policy ?? '', /--allow-local-only/);
  const refused = await box.cli(['config', 'apply', file, '--json']);
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(parseJson<Result>(refused).error?.message ?? '', /LAN devices could not connect/);
  assert.equal(sha256File(box.paths.configFile), before);
  const applied = await box.cli(['config', 'apply', file, '--allow-local-only', '--json']);
  assert.equal(applied.code, 0, applied.stdout);
  assert.equal(parseJson<Result>(applied).changed, true);
});
