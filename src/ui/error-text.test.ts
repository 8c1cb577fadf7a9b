// Errors crossing Comlink arrive as plain objects; the text must still come from their code, in the
// UI language, and never show the code or (on a German screen) the worker's English detail.
import { describe, expect, it } from 'vitest';
import { TillError } from '../api/till-error.ts';
import { errorText } from './error-text.ts';
import { translator } from './i18n/translator.ts';

const en = translator('en');
const de = translator('de');

describe('errorText', () => {
  it('explains a TillError by its code, also as a plain cloned object', () => {
    const err = new TillError('quota_exceeded', 'QuotaExceededError');
    expect(errorText(en, 'en', err, 'recordSale')).toBe(
      'Could not record the sale: The device storage is full; nothing was saved. Free space or sync, then try again. (QuotaExceededError)',
    );
    const cloned = { name: 'TillError', code: 'not_found', message: 'no such sale' };
    expect(errorText(en, 'en', cloned, 'openSale')).toBe('Could not open the sale: It was not found on this till. (no such sale)');
  });

  it('gives the advice of the place for a refusal', () => {
    const refused = { name: 'TillError', code: 'invalid', message: 'over-refund' };
    expect(errorText(en, 'en', refused, 'recordRefund')).toContain('Part of this may have been refunded already');
    expect(errorText(en, 'en', refused, 'loadSales')).toBe('Could not load the sales: The till refused this input. (over-refund)');
  });

  it('speaks German without the worker’s English detail or the code', () => {
    const err = new TillError('offline', 'fetch failed: ECONNREFUSED');
    const text = errorText(de, 'de', err, 'pair');
    expect(text).toBe('Die Kasse konnte nicht gekoppelt werden: Der Server ist gerade nicht erreichbar.');
    expect(text).not.toContain('offline');
    expect(errorText(de, 'de', new TypeError('boom'), 'search')).toBe('Die Suche ist fehlgeschlagen: In der Kasse ist etwas Unerwartetes schiefgegangen.');
  });

  it('keeps the message of any other error on English screens', () => {
    expect(errorText(en, 'en', new TypeError('boom'), 'search')).toBe('Could not search: Something unexpected went wrong inside the till. (boom)');
    expect(errorText(en, 'en', { name: 'TillError', code: 'no_such_code', message: 'x' }, 'search')).toBe(
      'Could not search: Something unexpected went wrong inside the till. (x)',
    );
  });
});
