// The VAT rate as the back office shows and reads it: in the UI language's decimal form, exact.
import { describe, expect, it } from 'vitest';
import { bpToPercent, percentToBp } from './catalog.ts';

describe('VAT rate text', () => {
  it('writes the UI language’s decimal separator and reads it back', () => {
    expect(bpToPercent(1900, 'de')).toBe('19');
    expect(bpToPercent(550, 'de')).toBe('5,5');
    expect(bpToPercent(550, 'en')).toBe('5.5');
    expect(bpToPercent(725, 'de-DE')).toBe('7,25');
    for (const bp of [0, 5, 550, 700, 725, 1900, 2500]) {
      expect(percentToBp(bpToPercent(bp, 'de'))).toBe(bp);
      expect(percentToBp(bpToPercent(bp, 'en'))).toBe(bp);
    }
  });
});
