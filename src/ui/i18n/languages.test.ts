// Which language the screens start in, and which locale formats them.
import { describe, expect, it } from 'vitest';
import { defaultUiLanguage, storeLanguage, supportedLanguage, uiLocale } from './languages.ts';

describe('the UI language', () => {
  it('is the browser\'s first language we have, else the store\'s, else English', () => {
    expect(defaultUiLanguage(['de-AT', 'en'], 'en-US')).toBe('de');
    expect(defaultUiLanguage(['fr-FR', 'en-GB', 'de'], 'de-DE')).toBe('en');
    expect(defaultUiLanguage(['fr-FR', 'it'], 'de-DE')).toBe('de');
    expect(defaultUiLanguage(['fr-FR'], 'fr-FR')).toBe('en');
    expect(defaultUiLanguage([], null)).toBe('en');
  });

  it('reads language tags loosely', () => {
    expect(supportedLanguage('DE_de')).toBe('de');
    expect(supportedLanguage('en')).toBe('en');
    expect(supportedLanguage('english')).toBeNull();
    expect(supportedLanguage(undefined)).toBeNull();
    expect(storeLanguage('de-CH')).toBe('de');
  });

  it('formats in the store\'s locale when the screens speak its language, else in the store\'s region', () => {
    expect(uiLocale('de', 'de-DE')).toBe('de-DE');
    expect(uiLocale('de', 'de-AT')).toBe('de-AT');
    expect(uiLocale('en', 'de-DE')).toBe('en-DE');
    expect(uiLocale('de', 'en-US')).toBe('de-US');
    expect(uiLocale('en', null)).toBe('en');
    expect(uiLocale('de', 'not a locale!')).toBe('de');
  });
});
