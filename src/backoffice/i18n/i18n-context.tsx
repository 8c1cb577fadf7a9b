// The language of the back office's screens: the browser's when it is German or English, else English.
// Screens read `t` (type-checked keys), the language and its locale for numbers and dates.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useMemo } from 'preact/hooks';
import { browserLanguage, translator, type BackOfficeLanguage, type Translate } from './translator.ts';

export interface BackOfficeI18n {
  t: Translate;
  language: BackOfficeLanguage;
}

const I18nContext = createContext<BackOfficeI18n>({ t: translator('en'), language: 'en' });

export function I18nProvider({ children, language }: { children: ComponentChildren; language?: BackOfficeLanguage }) {
  const lang = language ?? browserLanguage(navigator.languages);
  const value = useMemo(() => ({ t: translator(lang), language: lang }), [lang]);
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): BackOfficeI18n {
  return useContext(I18nContext);
}
