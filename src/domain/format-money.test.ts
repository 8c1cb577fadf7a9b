// Money formatting must be exact for every currency's minor units, including 0- and 3-decimal ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountText, decimalString, moneyFormat, parseMoney } from './format-money.ts';
import { MAX_MONEY_MINOR } from '@ezo/contract/limits';

describe('moneyFormat', () => {
  it('knows the fraction digits of JPY, EUR, BHD and KWD', () => {
    expect(moneyFormat('JPY', 'ja-JP').fractionDigits).toBe(0);
    expect(moneyFormat('EUR', 'de-DE').fractionDigits).toBe(2);
    expect(moneyFormat('BHD', 'en-US').fractionDigits).toBe(3);
    expect(moneyFormat('KWD', 'en-US').fractionDigits).toBe(3);
  });

  it('formats minor units without rounding them away', () => {
    expect(moneyFormat('JPY', 'en-US').format(1235)).toBe('¥1,235');
    expect(moneyFormat('EUR', 'en-US').format(123456)).toBe('€1,234.56');
    expect(moneyFormat('EUR', 'en-US').format(-5)).toBe('-€0.05');
    expect(moneyFormat('BHD', 'en-US').format(1234567)).toMatch(/1,234\.567$/);
    expect(moneyFormat('KWD', 'en-US').format(1)).toMatch(/0\.001$/);
  });

  it('follows the store locale', () => {
    expect(moneyFormat('EUR', 'de-DE').format(123456).replace(/\s/g, ' ')).toBe('1.234,56 €');
  });

  it('writes field text with the locale\'s decimal separator, which parseMoney reads back', () => {
    const de = moneyFormat('EUR', 'de-DE');
    expect(de.decimalSeparator).toBe(',');
    expect(de.plain(936)).toBe('9,36');
    expect(parseMoney(de.plain(936), de.fractionDigits)).toBe(936);
    expect(moneyFormat('EUR', 'en-US').plain(936)).toBe('9.36');
    expect(moneyFormat('JPY', 'de-DE').plain(1235)).toBe('1235');
    expect(moneyFormat('BHD', 'de-DE').plain(1234567)).toBe('1234,567');
  });

  it('formats amounts beyond float precision exactly', () => {
    // 90071992547409.91 is not representable as a double; the string path keeps every digit.
    expect(moneyFormat('EUR', 'en-US').format(Number.MAX_SAFE_INTEGER)).toBe('€90,071,992,547,409.91');
  });

  it('falls back when the locale is unknown to Intl', () => {
    expect(moneyFormat('EUR', 'zz-INVALID-!!').format(100)).toContain('1');
  });
});

describe('decimalString', () => {
  it('pads small amounts', () => {
    expect(decimalString(5, 2)).toBe('0.05');
    expect(decimalString(-5, 3)).toBe('-0.005');
    expect(decimalString(0, 2)).toBe('0.00');
    expect(decimalString(1235, 0)).toBe('1235');
  });

  it('refuses non-integers', () => {
    expect(() => decimalString(1.5, 2)).toThrow(RangeError);
  });
});

describe('amountText', () => {
  it('writes the locale\'s decimal separator without sign or grouping', () => {
    expect(amountText(179, 2, 'de-DE')).toBe('1,79');
    expect(amountText(179, 2, 'de')).toBe('1,79');
    expect(amountText(179, 2, 'en')).toBe('1.79');
    expect(amountText(123456, 2, 'de-DE')).toBe('1234,56');
    expect(amountText(123456, 2, 'en-US')).toBe('1234.56');
  });

  it('keeps every fraction digit, also zeros and none', () => {
    expect(amountText(100, 2, 'de-DE')).toBe('1,00');
    expect(amountText(0, 2, 'en')).toBe('0.00');
    expect(amountText(1235, 0, 'de-DE')).toBe('1235');
    expect(amountText(1235, 0, 'ja-JP')).toBe('1235');
    expect(amountText(1234567, 3, 'de-DE')).toBe('1234,567');
  });

  it('shows negative amounts', () => {
    expect(amountText(-5, 2, 'de-DE').replace('\u2212', '-')).toBe('-0,05');
    expect(amountText(-179, 2, 'en').replace('\u2212', '-')).toBe('-1.79');
  });

  it('is exact beyond float precision', () => {
    expect(amountText(Number.MAX_SAFE_INTEGER, 2, 'de-DE')).toBe('90071992547409,91');
    expect(amountText(Number.MAX_SAFE_INTEGER, 2, 'en')).toBe('90071992547409.91');
  });

  it('falls back when the locale is unknown to Intl', () => {
    expect(amountText(179, 2, 'zz-INVALID-!!')).toMatch(/^1[.,]79$/);
  });

  it('reads back through parseMoney for every non-negative amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MONEY_MINOR }), fc.constantFrom(0, 2, 3), fc.constantFrom('de-DE', 'en', 'en-US', 'de'), (minor, digits, locale) => {
        expect(parseMoney(amountText(minor, digits, locale), digits)).toBe(minor);
      }),
    );
  });
});

describe('parseMoney', () => {
  it('reads amounts with either separator', () => {
    expect(parseMoney('12', 2)).toBe(1200);
    expect(parseMoney('12.5', 2)).toBe(1250);
    expect(parseMoney('12,05', 2)).toBe(1205);
    expect(parseMoney(' 0.001 ', 3)).toBe(1);
    expect(parseMoney('1000', 0)).toBe(1000);
    expect(parseMoney('7.', 2)).toBe(700);
    expect(parseMoney('9,36', 2)).toBe(936);
    expect(parseMoney('9.36', 2)).toBe(936);
  });

  it('never reads a grouping separator', () => {
    expect(parseMoney('1.234', 2)).toBeNull();
    expect(parseMoney('1.234,56', 2)).toBeNull();
    expect(parseMoney('1,234.56', 2)).toBeNull();
    expect(parseMoney('1 234', 2)).toBeNull();
  });

  it('refuses what is not a plain non-negative amount', () => {
    for (const bad of ['', '-1', '1.234', '1e3', 'abc', '1.2.3', '12.5']) {
      expect(parseMoney(bad, bad === '12.5' ? 0 : 2), bad).toBeNull();
    }
    expect(parseMoney(String(MAX_MONEY_MINOR + 1), 0)).toBeNull();
  });

  it('round-trips with decimalString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MONEY_MINOR }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        expect(parseMoney(decimalString(minor, digits), digits)).toBe(minor);
      }),
    );
  });
});
