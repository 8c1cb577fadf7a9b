// The back office's translations, on i18next like the till's (src/ui/i18n/translator.ts), in an instance
// of its own. The till's module augmentation types i18next's own `t` with the till's keys, so the back
// office types its keys itself: `Translate` accepts exactly the keys of the English catalog (BackOfficeKey).
import i18next from 'i18next';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import type { BackOfficeKey } from './messages.ts';

export const BACK_OFFICE_LANGUAGES = ['de', 'en'] as const;
export type BackOfficeLanguage = (typeof BACK_OFFICE_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: BackOfficeLanguage = 'en';

/** Values for a message's {{placeholders}} and `count` for plurals. */
export type TranslateOptions = Record<string, string | number>;
export type Translate = (key: BackOfficeKey, options?: TranslateOptions) => string;

const instance = i18next.createInstance();
// Synchronous with inline resources: translators exist before the first render.
void instance.init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: FALLBACK_LANGUAGE,
  fallbackLng: false,
  initAsync: false,
  // Preact escapes text; escaping here would show "&amp;" in a product name.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

/** The browser's first language we have, else English. */
export function browserLanguage(languages: readonly string[]): BackOfficeLanguage {
  for (const tag of languages) {
    const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
    if (primary === 'de' || primary === 'en') return primary;
  }
  return FALLBACK_LANGUAGE;
}

const cache = new Map<BackOfficeLanguage, Translate>();

export function translator(language: BackOfficeLanguage): Translate {
  let t = cache.get(language);
  if (t === undefined) {
    const fixed = instance.getFixedT(language) as unknown as (key: string, options?: TranslateOptions) => string;
    t = (key, options) => fixed(key, options);
    cache.set(language, t);
  }
  return t;
}
