import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../../src/i18n/format.js';
import { PL } from '../../src/i18n/pl/index.js';
import { chooseLanguage, setLanguage, t } from '../../src/i18n/translate.js';
import { messageKeys, placesOf, untranslated } from '../helpers/messages.js';

test('every message in the code has its Polish translation, with the same {{places}}', () => {
  const { keys, dynamic } = messageKeys();
  assert.deepEqual(dynamic, [], 'a message key must be one plain string literal');
  const missing = keys.filter((k) => PL[k.text] === undefined).map((k) => `${k.where}: ${k.text}`);
  assert.deepEqual(missing, [], `${missing.length} message(s) without a Polish translation`);
  for (const key of keys) {
    const entry = PL[key.text]!;
    for (const form of typeof entry === 'string' ? [entry] : Object.values(entry))
      assert.deepEqual(placesOf(form), placesOf(key.text), `${key.where}: the places of "${key.text}" differ`);
  }
  const used = new Set(keys.map((k) => k.text));
  assert.deepEqual(
    Object.keys(PL).filter((k) => !used.has(k)),
    [],
    'Polish entries no code uses any more',
  );
});

test('no message reaches people without t(): literals at errors, outcomes and printed lines', () => {
  assert.deepEqual(
    untranslated().map((f) => `${f.where}: ${f.text}`),
    [],
  );
});

test('the language: --lang first, then LC_ALL, LC_MESSAGES, LANG; pl* is Polish', () => {
  assert.equal(chooseLanguage(undefined, { LANG: 'pl_PL.UTF-8' }), 'pl');
  assert.equal(chooseLanguage(undefined, { LC_ALL: 'C', LANG: 'pl_PL.UTF-8' }), 'en');
  assert.equal(chooseLanguage(undefined, { LC_MESSAGES: 'pl_PL', LANG: 'en_US' }), 'pl');
  assert.equal(chooseLanguage('en', { LANG: 'pl_PL.UTF-8' }), 'en');
  assert.equal(chooseLanguage('pl', {}), 'pl');
  assert.equal(chooseLanguage('de', {}), undefined);
  assert.equal(chooseLanguage(undefined, {}), 'en');
});

test('places are filled and Polish plural forms chosen by count', async (t_) => {
  t_.after(() => void setLanguage('en'));
  PL['{{count}} test file(s)'] = {
    one: '{{count}} plik',
    few: '{{count}} pliki',
    many: '{{count}} plików',
    other: '{{count}} pliku',
  };
  try {
    assert.equal(t('{{count}} test file(s)', { count: 5 }), '5 test files');
    await setLanguage('pl');
    assert.deepEqual(
      [1, 2, 5, 22, 25].map((count) => t('{{count}} test file(s)', { count })),
      ['1 plik', '2 pliki', '5 plików', '22 pliki', '25 plików'],
    );
  } finally {
    delete PL['{{count}} test file(s)'];
  }
});

test('numbers are written as Intl.NumberFormat writes them, in both languages', async (t_) => {
  t_.after(() => void setLanguage('en'));
  const values = [0, -0, 5, 2.5, 999, 1000, 1234, 9999, 10_000, 12_345, 80_559.5, 1_234_567.25, 1e7, -3.45, -0.04];
  const more = [0.05, 1.005, 0.15, 99.95, 1023.96, 15, 3600 / 7, 86_400 * 2.1];
  for (const lang of ['en', 'pl'] as const) {
    await setLanguage(lang);
    const intl = (value: number, digits: number) =>
      new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    for (const value of [...values, ...more])
      for (const digits of [0, 1, 2])
        assert.equal(formatNumber(value, digits), intl(value, digits), `${lang} ${value} ${digits}`);
  }
});
