import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY } from '@ezo/contract/limits';
import { parseTimesPrefix } from './times-prefix.ts';

describe('parseTimesPrefix', () => {
  it('reads a count followed by a times sign', () => {
    expect(parseTimesPrefix('3*')).toBe(3);
    expect(parseTimesPrefix('3x')).toBe(3);
    expect(parseTimesPrefix(' 12 × ')).toBe(12);
    expect(parseTimesPrefix('2X')).toBe(2);
  });

  it('leaves searches alone', () => {
    for (const text of ['3', 'x3', '3xl', '3 x shirt', '*', '0*', '', '4006381333931']) expect(parseTimesPrefix(text), text).toBeNull();
    expect(parseTimesPrefix(`${MAX_QUANTITY + 1}*`)).toBeNull();
  });
});
