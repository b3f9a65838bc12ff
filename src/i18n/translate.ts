/**
 * Messages in English and Polish. The English text is the key (gettext's way: the code reads as it
 * prints, and a missing translation still says something sensible); `{{name}}` places take values; an
 * entry may hold plural forms chosen with Intl.PluralRules ("1 plik, 2 pliki, 5 plików"). A few dozen
 * lines of ours instead of i18next: nothing to initialise at startup, and the catalogs stay plain data.
 */
export type Lang = 'en' | 'pl';
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type CatalogEntry = string | PluralForms;
export type Catalog = Record<string, CatalogEntry>;

// The Polish catalog is loaded when Polish is chosen: every run in English (boot, fleets) skips it.
const CATALOGS: Record<Lang, Catalog | undefined> = { en: {}, pl: undefined };
let current: Lang = 'en';

export async function setLanguage(lang: Lang): Promise<void> {
  if (lang === 'pl') CATALOGS.pl ??= (await import('./pl/index.js')).PL;
  current = lang;
}

export function language(): Lang {
  return current;
}

/** --lang first, then the locale variables as POSIX orders them (LC_ALL, LC_MESSAGES, LANG): pl* is Polish. */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Lang | undefined {
  if (flag !== undefined) return flag === 'pl' || flag === 'en' ? flag : undefined;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^pl([_.@-]|$)/i.test(locale) ? 'pl' : 'en';
}

function pick(entry: CatalogEntry, count: unknown): string {
  if (typeof entry === 'string') return entry;
  const form = new Intl.PluralRules(current).select(Number(count));
  return entry[form] ?? entry.other;
}

/** The message in the current language, with its `{{name}}` places filled. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const entry = CATALOGS[current]?.[key];
  // English keys carry their own plural: "{{count}} warning(s)" reads "1 warning", "2 warnings".
  const english = values.count === undefined ? key : key.replace(/\(s\)/g, Number(values.count) === 1 ? '' : 's');
  const template = entry === undefined ? english : pick(entry, values.count);
  return template.replace(/\{\{(\w+)\}\}/g, (place, name: string) => (name in values ? String(values[name]) : place));
}

/** Marks a literal as a message without translating it yet (tables of texts shown later through t()). */
export const msg = (key: string): string => key;
