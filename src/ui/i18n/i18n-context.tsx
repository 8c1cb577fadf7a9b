// The UI language for every component: which language and locale the screens use, their translate
// function, and the store's (for receipts and reports). Provided once at the root (main.tsx), before
// the database is open, so even "Opening the till…" speaks the staff member's language; the store's
// locale arrives with the pairing (setStoreLocale). `lang` on <html> follows the UI language.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { defaultUiLanguage, storeLanguage, uiLocale, type UiLanguage } from './languages.ts';
import { translator, type Translate } from './translator.ts';
import { savedStoreLocale, saveStoreLocale, savedUiLanguage, saveUiLanguage, UI_LANGUAGE_KEY } from './ui-language-store.ts';

export interface I18n {
  /** The language the screens speak. */
  language: UiLanguage;
  /** The staff member's explicit choice, or null when the default applies. */
  chosen: UiLanguage | null;
  /** The language the default would give (browser, else store). */
  automatic: UiLanguage;
  /** BCP-47 locale for numbers, money and dates on screens. */
  locale: string;
  t: Translate;
  /** The store's language and locale, for receipts, Z reports and what is recorded for the hub. */
  storeLanguage: UiLanguage;
  storeLocale: string;
  storeT: Translate;
  /** Saves a choice for this device (null: back to the default). */
  choose: (language: UiLanguage | null) => void;
  setStoreLocale: (locale: string | null) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { children: ComponentChildren; browserLanguages?: readonly string[] }) {
  const [chosen, setChosen] = useState<UiLanguage | null>(() => savedUiLanguage());
  const [storeLocale, setStoreLocale] = useState<string | null>(() => savedStoreLocale());
  const browser = props.browserLanguages ?? navigator.languages;
  const value = useMemo<I18n>(() => {
    const automatic = defaultUiLanguage(browser, storeLocale);
    const language = chosen ?? automatic;
    const store = storeLanguage(storeLocale);
    return {
      language,
      chosen,
      automatic,
      locale: uiLocale(language, storeLocale),
      t: translator(language),
      storeLanguage: store,
      storeLocale: storeLocale ?? language,
      storeT: translator(store),
      choose: (next) => {
        saveUiLanguage(next);
        setChosen(next);
      },
      setStoreLocale: (locale) => {
        if (locale !== null) saveStoreLocale(locale);
        setStoreLocale(locale);
      },
    };
  }, [chosen, storeLocale, browser]);
  // Before the first paint, so screen readers and hyphenation never see the page in the wrong language.
  useLayoutEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  // A choice made in another tab (the one that owns the till) shows here too.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === UI_LANGUAGE_KEY) setChosen(savedUiLanguage());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (ctx === null) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The UI language's translate function. */
export function useT(): Translate {
  return useI18n().t;
}
