// Which language the till's screens speak and which locale formats their numbers and dates. The UI
// language is the staff member's choice (ui-language-store.ts), by default the browser's language
// when it is one we have, else the store's. Receipts, Z reports and exports always use the store's
// language and locale (TerminalInfo.locale), whatever the screens speak.

/** Languages with a complete catalog (src/ui/i18n/<language>/). */
export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Spoken when neither the choice, the browser nor the store names a language we have. */
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

/** Each language's name in itself, for the language control (never translated: people look for their own). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { de: 'Deutsch', en: 'English' };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** "de-AT" -> "de", "EN_us" -> "en", "fr-FR" -> null. */
export function supportedLanguage(tag: string | null | undefined): UiLanguage | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return isUiLanguage(primary) ? primary : null;
}

/** The language a till starts in before anyone chose: the browser's first one we have, else the store's. */
export function defaultUiLanguage(browserLanguages: readonly string[], storeLocale: string | null): UiLanguage {
  for (const tag of browserLanguages) {
    const lang = supportedLanguage(tag);
    if (lang !== null) return lang;
  }
  return storeLanguage(storeLocale);
}

/** The language of receipts and reports: the store's locale's language when we have it. */
export function storeLanguage(storeLocale: string | null): UiLanguage {
  return supportedLanguage(storeLocale) ?? FALLBACK_LANGUAGE;
}

/**
 * The locale of the screens: the store's own when the screens speak its language (de-DE), else the UI
 * language in the store's region (en-DE: English words with the conventions of Germany), so numbers
 * and dates match the words around them.
 */
export function uiLocale(language: UiLanguage, storeLocale: string | null): string {
  if (storeLocale === null) return language;
  if (supportedLanguage(storeLocale) === language) return canonical(storeLocale) ?? language;
  const region = regionOf(storeLocale);
  return (region === null ? null : canonical(`${language}-${region}`)) ?? language;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function regionOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().region ?? null;
  } catch {
    return null;
  }
}
