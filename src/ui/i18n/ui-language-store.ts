// Where the UI language choice is kept: localStorage on this device, read synchronously at boot so
// the very first screen ("Opening the till…", the other-tab screen) already speaks it, before the
// database is open. Today the choice belongs to the device; once staff sign in, the same calls take
// the staff member (`{ kind: 'staff', staffId }`) and a staff member's choice wins over the device's.
import { isUiLanguage, type UiLanguage } from './languages.ts';

/** Whose choice is read or written. */
export type LanguageOwner = { kind: 'device' } | { kind: 'staff'; staffId: string };

export const DEVICE: LanguageOwner = { kind: 'device' };

/** localStorage key of the device's choice; a staff member's is `${key}.staff.${id}`. */
export const UI_LANGUAGE_KEY = 'ezo.ui-language';

function keyOf(owner: LanguageOwner): string {
  return owner.kind === 'device' ? UI_LANGUAGE_KEY : `${UI_LANGUAGE_KEY}.staff.${owner.staffId}`;
}

/** The saved choice, or null when none was made (or storage is unavailable: private modes may refuse it). */
export function savedUiLanguage(owner: LanguageOwner = DEVICE): UiLanguage | null {
  try {
    const value = localStorage.getItem(keyOf(owner));
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** localStorage key of the paired store's locale, remembered so the next boot speaks it before the database opens. */
export const STORE_LOCALE_KEY = 'ezo.store-locale';

export function savedStoreLocale(): string | null {
  try {
    return localStorage.getItem(STORE_LOCALE_KEY);
  } catch {
    return null;
  }
}

export function saveStoreLocale(locale: string): void {
  try {
    if (localStorage.getItem(STORE_LOCALE_KEY) !== locale) localStorage.setItem(STORE_LOCALE_KEY, locale);
  } catch {
    // Only the next boot's first screen depends on it; the pairing says it again.
  }
}

/** Saves a choice; null forgets it (back to the default). Returns false when storage refused. */
export function saveUiLanguage(language: UiLanguage | null, owner: LanguageOwner = DEVICE): boolean {
  try {
    if (language === null) localStorage.removeItem(keyOf(owner));
    else localStorage.setItem(keyOf(owner), language);
    return true;
  } catch {
    return false;
  }
}
