// The till's translations, on i18next. Chosen over FormatJS (intl-messageformat would add its ICU
// parser at run time, or a build step to precompile) and Lingui (a compile step and macros): i18next
// is widely used and kept up, has no dependencies, picks plural forms with Intl.PluralRules
// (`key_one` / `key_other`), and its types check keys and placeholders against the English catalog.
// Both catalogs are small (about 6 KB gzip together), so both ship in the initial bundle: a receipt in
// the store's language never waits for a second download, offline included. Measured with
// `npm run bench` (initial JS).
import i18next, { type TFunction } from 'i18next';
import './i18next-types.ts';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import { FALLBACK_LANGUAGE, type UiLanguage } from './languages.ts';

export type Translate = TFunction<'translation'>;

const instance = i18next.createInstance();
// Synchronous with inline resources (initAsync: false): translators exist before the first render.
void instance.init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: FALLBACK_LANGUAGE,
  fallbackLng: false,
  initAsync: false,
  // Preact escapes text; escaping here would show "&amp;" in a product name.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

const cache = new Map<UiLanguage, Translate>();

/** The translate function of one language, fixed (switching the UI language never changes a receipt's). */
export function translator(language: UiLanguage): Translate {
  let t = cache.get(language);
  if (t === undefined) {
    t = instance.getFixedT(language);
    cache.set(language, t);
  }
  return t;
}
