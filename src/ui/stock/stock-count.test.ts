import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY } from '@ezo/contract/limits';
import { countDifference, parseCount, signed } from './stock-count.ts';

describe('stock count', () => {
  it('reads a counted quantity', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' 0 ')).toBe(0);
    for (const bad of ['', '-1', '1.5', '1,5', 'x', String(MAX_QUANTITY + 1)]) expect(parseCount(bad), bad).toBeNull();
  });

  it('records what the shelf has against what the till expected', () => {
    expect(countDifference(12, 10)).toBe(-2);
    expect(countDifference(-3, 0)).toBe(3);
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('−2');
    expect(signed(0)).toBe('0');
  });
});
