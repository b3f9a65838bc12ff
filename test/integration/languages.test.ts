import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseJson, provisioned } from '../helpers/sandbox.js';

/**
 * Each command's main messages in both languages, from the same gateway: the words change, exit codes
 * and JSON do not. (doctor: doctor-terminal.test.ts; logs: logs.test.ts; remote: remote-failures.test.ts.)
 */
test('provision, status, config, bridge and reset speak Polish and English, with the same exit codes', {
  timeout: 90_000,
}, async (t) => {
  const box = await provisioned(t);
  const bad = path.join(box.root, 'bad.conf');
  writeFileSync(bad, `listener ${box.port}\nbogus_option 1\n`);
  const cases: { args: string[]; en: RegExp; pl: RegExp }[] = [
    {
      args: ['provision', '--port', String(box.port)],
      en: /\[ok\] Broker config: factory config in place[\s\S]*provision: ok, nothing changed/,
      pl: /\[ok\] Konfiguracja brokera: konfiguracja fabryczna[\s\S]*provision: ok, nic nie zmieniono/,
    },
    { args: ['status'], en: /^broker {4}\S[\s\S]*\nconfig {4}\S/, pl: /^broker {8}\S[\s\S]*\nkonfiguracja {2}\S/ },
    {
      args: ['config', 'validate', bad],
      en: /bad\.conf:2: unknown option "bogus_option"\n.*bad\.conf: invalid: 1 error\n/,
      pl: /bad\.conf:2: nieznana opcja „bogus_option”\n.*bad\.conf: niepoprawna: 1 błąd\n/,
    },
    { args: ['bridge', 'list'], en: /^no bridges\n$/, pl: /^brak mostów\n$/ },
    { args: ['config', 'backups'], en: /^no backups yet\n$/, pl: /^nie ma jeszcze kopii zapasowych\n$/ },
    {
      args: ['reset'],
      en: /^error: reset replaces the broker config: .*--yes.*\nhint: gate-mqtt reset --yes\n$/,
      pl: /^błąd: reset zastępuje konfigurację brokera: .*--yes.*\nwskazówka: gate-mqtt reset --yes\n$/,
    },
  ];
  for (const { args, en, pl } of cases) {
    const english = await box.cli(args);
    const polish = await box.cli([...args, '--lang', 'pl']);
    assert.match(english.stdout + english.stderr, en, `${args.join(' ')}:\n${english.stdout}${english.stderr}`);
    assert.match(polish.stdout + polish.stderr, pl, `${args.join(' ')} --lang pl:\n${polish.stdout}${polish.stderr}`);
    assert.equal(polish.code, english.code, args.join(' '));
  }
  // JSON is the same document whatever the language (only message texts differ).
  const keys = (doc: unknown): unknown =>
    Array.isArray(doc)
      ? doc.map(keys)
      : doc && typeof doc === 'object'
        ? Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, keys(v)]))
        : typeof doc;
  const enJson = parseJson(await box.cli(['provision', '--port', String(box.port), '--json']));
  const plJson = parseJson(await box.cli(['provision', '--port', String(box.port), '--json', '--lang', 'pl']));
  assert.deepEqual(keys(plJson), keys(enJson));
  const ids = (doc: Record<string, unknown>) =>
    (doc.steps as { id: string; status: string }[]).map((s) => [s.id, s.status]);
  assert.deepEqual(ids(plJson), ids(enJson));
});
