// Checks that a screen speaks one language: the texts of the other language's catalog (those that
// differ between the languages) must not appear in the page, outside elements that declare another
// language on purpose (a receipt printed in the store's language carries lang="de").
import type { Page } from '@playwright/test';
import { de } from '../../src/ui/i18n/de/index.ts';
import { en } from '../../src/ui/i18n/en/index.ts';
import type { UiLanguage } from '../../src/ui/i18n/languages.ts';
import { translator, type Translate } from '../../src/ui/i18n/translator.ts';

const CATALOGS: Record<UiLanguage, object> = { de, en };

function flatten(node: object, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) flatten(value as object, path, out);
  }
  return out;
}

/** A catalog text as a whole-text pattern: placeholders match anything. */
function pattern(text: string): string {
  const parts = text.split(/\{\{\s*[\w.]+\s*\}\}/);
  return `^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`;
}

/** Patterns of the texts `other` has and `language` says differently; too-short texts are left out. */
function foreignPatterns(language: UiLanguage): string[] {
  const other = language === 'de' ? 'en' : 'de';
  const mine = flatten(CATALOGS[language]);
  const theirs = flatten(CATALOGS[other]);
  const out: string[] = [];
  for (const [key, text] of theirs) {
    const own = mine.get(key);
    if (own === undefined || own === text) continue;
    if (text.replace(/\{\{[^}]*\}\}/g, '').replace(/[^\p{L}]/gu, '').length < 3) continue;
    out.push(pattern(text.trim()));
  }
  return out;
}

export function t(language: UiLanguage): Translate {
  return translator(language);
}

/**
 * The other language's texts visible in the page (text, aria-label, placeholder, title), outside
 * elements with a lang of their own. Empty when the screen speaks `language` only. With
 * `everywhere`, elements are checked whatever language they declare (to show that the check finds
 * texts when there are some).
 */
export async function otherLanguageOnScreen(page: Page, language: UiLanguage, everywhere = false): Promise<string[]> {
  const patterns = foreignPatterns(language);
  return page.evaluate(
    ({ patterns, language, everywhere }) => {
      const regexes = patterns.map((p) => new RegExp(p, 'u'));
      const found = new Set<string>();
      const check = (text: string | null) => {
        const s = (text ?? '').replace(/\s+/g, ' ').trim();
        if (s !== '' && regexes.some((r) => r.test(s))) found.add(s);
      };
      const ownLanguage = (el: Element) => everywhere || (el.closest('[lang]')?.getAttribute('lang') ?? language).startsWith(language);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent === null || !ownLanguage(parent) || parent.closest('[hidden], script, style') !== null) continue;
        check(node.textContent);
      }
      for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (!ownLanguage(el)) continue;
        for (const attr of ['aria-label', 'placeholder', 'title']) check(el.getAttribute(attr));
      }
      return [...found];
    },
    { patterns, language, everywhere },
  );
}

/** Stands for "anything" in a translated text: t('sell.cart.pay', { amount: ANY }). */
export const ANY = '\u2063';

/** A translated text with ANY in it as a whole-name pattern for getByRole: like(t('stock.countOf', { name: ANY })). */
export function like(text: string): RegExp {
  return new RegExp(`^${text.split(ANY).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}
