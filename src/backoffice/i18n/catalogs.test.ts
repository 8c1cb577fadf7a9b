// Every language has every back-office message: the same keys as English, the plural forms its
// Intl.PluralRules asks for, and the same {{placeholders}}; and every key resolves through i18next.
import { describe, expect, it } from 'vitest';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import { BACK_OFFICE_LANGUAGES, browserLanguage, translator, type BackOfficeLanguage } from './translator.ts';

const CATALOGS: Record<BackOfficeLanguage, object> = { en, de };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

function flatten(node: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value as object, path)) out.set(k, v);
    else throw new Error(`${path} is neither text nor a group`);
  }
  return out;
}

const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
const english = flatten(en);

describe.each(BACK_OFFICE_LANGUAGES.filter((l) => l !== 'en'))('the %s back-office catalog', (language) => {
  const messages = flatten(CATALOGS[language]);

  it('has every English message and nothing else', () => {
    expect([...new Set([...messages.keys()].map(base))].sort()).toEqual([...new Set([...english.keys()].map(base))].sort());
  });

  it('uses the same placeholders as English', () => {
    for (const [key, text] of messages) {
      const englishText = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(englishText));
    }
  });
});

describe.each(BACK_OFFICE_LANGUAGES)('back-office messages in %s', (language) => {
  const messages = flatten(CATALOGS[language]);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('have exactly the plural forms of the language', () => {
    const forms = new Map<string, string[]>();
    for (const key of messages.keys()) {
      const m = PLURAL_SUFFIX.exec(key);
      if (m?.[1] !== undefined) forms.set(base(key), [...(forms.get(base(key)) ?? []), m[1]]);
    }
    for (const [key, got] of forms) expect(got.sort(), `${language} ${key}`).toEqual([...categories].sort());
  });

  it('are never empty and resolve through i18next', () => {
    const t = translator(language) as unknown as (key: string, options?: object) => string;
    for (const [key, text] of messages) {
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(t(base(key), { count: 2 }), `${language} ${key}`).not.toBe(base(key));
    }
  });
});

describe('the language', () => {
  it("is the browser's first German or English one, else English", () => {
    expect(browserLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(browserLanguage(['en-GB'])).toBe('en');
    expect(browserLanguage(['fr', 'it'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
