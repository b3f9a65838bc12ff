import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkSuplaBridge, removeBridge, upsertSupla } from '../../src/config/bridge-section.js';
import { factoryConfig } from '../../src/config/factory.js';
import { decodeConfig, loadConfigText } from '../../src/config/load.js';
import { directives, parseConfig, serializeConfig } from '../../src/config/parse.js';
import { redactConfig } from '../../src/config/redact.js';
import { unsafeValueReason } from '../../src/config/safe-value.js';
import { GateError } from '../../src/model/errors.js';

/** Lines a mosquitto.conf may hold, plus noise: the generator mixes real directives with garbage. */
const configLine = fc.oneof(
  fc.constantFrom(
    'listener 1883 0.0.0.0',
    'allow_anonymous true',
    '# comment',
    '',
    '   ',
    'connection b',
    'address h:1',
    'topic # both',
    'include_dir /nonexistent',
    'per_listener_settings true',
    'remote_password x y',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const configText = fc
  .array(configLine, { maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

test('parse/serialise round-trips any text byte for byte', () => {
  fc.assert(
    fc.property(
      fc.oneof(configText, fc.string({ unit: 'binary' })),
      (text) => serializeConfig(parseConfig(text)) === text,
    ),
    { numRuns: 500 },
  );
});

test('validation never throws, whatever the file holds', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(configText, fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
      const loaded = await loadConfigText(text, '/m.conf');
      for (const issue of loaded.model.issues) assert.ok(issue.line >= 1 && issue.message.length > 0);
    }),
    { numRuns: 300 },
  );
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => typeof decodeConfig(bytes).ok === 'boolean'));
});

test('redaction keeps the line count and drops every secret value', () => {
  fc.assert(
    fc.property(
      configText,
      fc.string({ minLength: 3, maxLength: 20 }).filter((s) => !unsafeValueReason(s) && !s.includes('*')),
      (text, secret) => {
        const withSecret = `${text}\nremote_password ${secret}\n`;
        const out = redactConfig(withSecret);
        return (
          out.split('\n').length === withSecret.split('\n').length &&
          !out.split('\n').some((l) => l === `remote_password ${secret}`)
        );
      },
    ),
    { numRuns: 300 },
  );
});

const field = fc.string({ unit: 'binary', maxLength: 30 });

test('no bridge value, however odd, adds a config line beyond the section or escapes it', () => {
  fc.assert(
    fc.property(field, field, field, field, (id, address, username, password) => {
      const input = { id, address, username, password, cafile: '/ca.pem' };
      let bridge: ReturnType<typeof checkSuplaBridge>;
      try {
        bridge = checkSuplaBridge(input);
      } catch (error) {
        assert.ok(error instanceof GateError && error.exitCode === 2, String(error));
        return true; // refused as bad input: nothing is written
      }
      const base = factoryConfig();
      const out = upsertSupla(base, bridge, '/m.conf');
      const added = directives(parseConfig(out)).length - directives(parseConfig(base)).length;
      assert.equal(added, 9, "exactly the section's nine directives");
      assert.equal(out.split('\n').length - base.split('\n').length, 11, 'one blank line and ten section lines');
      assert.equal(removeBridge(out, `bridge-dom-${bridge.id}`, '/m.conf'), base);
      return true;
    }),
    { numRuns: 1000 },
  );
});

test('every value with a line break or control character is refused', () => {
  fc.assert(
    fc.property(
      field,
      fc.constantFrom('\n', '\r', '\u0000', '\u001b', '\u0085', '\u2028', '\t'),
      field,
      (a, bad, b) => unsafeValueReason(`${a}${bad}${b}`) !== undefined,
    ),
    { numRuns: 500 },
  );
});
