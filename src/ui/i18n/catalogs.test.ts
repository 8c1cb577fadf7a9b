// Every language has every message: the same keys as English (the type checks that too), the plural
// forms its Intl.PluralRules asks for, and the same {{placeholders}}, so no screen mixes languages
// and no message loses the amount or name it was meant to show.
import { describe, expect, it } from 'vitest';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { translator } from './translator.ts';

const CATALOGS: Record<UiLanguage, object> = { en, de };
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

/** Message key without its plural suffix -> the suffixes present (empty for a plain message). */
function groups(messages: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of messages.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match === null ? key : key.slice(0, match.index);
    const set = out.get(base) ?? new Set<string>();
    if (match?.[1] !== undefined) set.add(match[1]);
    out.set(base, set);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

const english = flatten(en);
const englishGroups = groups(english);

describe.each(UI_LANGUAGES.filter((l) => l !== 'en'))('the %s catalog', (language) => {
  const messages = flatten(CATALOGS[language]);
  const byBase = groups(messages);

  it('has every English message and nothing else', () => {
    expect([...byBase.keys()].sort()).toEqual([...englishGroups.keys()].sort());
  });

  it('uses the same placeholders as English in every message', () => {
    for (const [base, suffixes] of englishGroups) {
      const key = (suffix: string) => (suffix === '' ? base : `${base}_${suffix}`);
      const want = new Set([...(suffixes.size === 0 ? [''] : suffixes)].flatMap((s) => placeholders(english.get(key(s)) ?? '')));
      for (const suffix of byBase.get(base) ?? []) {
        expect(new Set(placeholders(messages.get(key(suffix)) ?? '')), `${language} ${key(suffix)}`).toEqual(want);
      }
      if ((byBase.get(base)?.size ?? 0) === 0) expect(new Set(placeholders(messages.get(base) ?? '')), `${language} ${base}`).toEqual(want);
    }
  });
});

describe.each(UI_LANGUAGES)('plural forms in %s', (language) => {
  const messages = flatten(CATALOGS[language]);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('are exactly the categories Intl.PluralRules has for the language', () => {
    for (const [base, suffixes] of groups(messages)) {
      if (suffixes.size > 0) expect([...suffixes].sort(), `${language} ${base}`).toEqual([...categories].sort());
    }
  });

  it('each carry the count', () => {
    for (const [key, text] of messages) if (PLURAL_SUFFIX.test(key)) expect(placeholders(text), `${language} ${key}`).toContain('count');
  });

  it('are chosen by i18next for the count', () => {
    const t = translator(language);
    expect(t('sell.cart.items', { count: 1 })).toBe(messages.get('sell.cart.items_one')?.replace('{{count}}', '1'));
    expect(t('sell.cart.items', { count: 3 })).toBe(messages.get('sell.cart.items_other')?.replace('{{count}}', '3'));
  });
});

describe('every message', () => {
  it('is text, never empty, in every language, and resolves through i18next', () => {
    for (const language of UI_LANGUAGES) {
      const t = translator(language) as unknown as (key: string, options?: object) => string;
      for (const [key, text] of flatten(CATALOGS[language])) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        const base = key.replace(PLURAL_SUFFIX, '');
        if (!PLURAL_SUFFIX.test(key)) expect(t(base, {}), `${language} ${key}`).not.toBe(base);
      }
    }
  });
});
