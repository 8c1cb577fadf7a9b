// A scan is a fast burst ending in Enter; a person's typing never is.
import { describe, expect, it } from 'vitest';
import { BarcodeBurst, SCANNER_MAX_GAP_MS } from './barcode-burst.ts';

function type(b: BarcodeBurst, text: string, start: number, gap: number): string | null {
  let t = start;
  for (const ch of text) {
    b.feed(ch, t);
    t += gap;
  }
  return b.feed('Enter', t);
}

describe('BarcodeBurst', () => {
  it('recognises a fast burst ending in Enter', () => {
    expect(type(new BarcodeBurst(), '4006381333931', 1000, 10)).toBe('4006381333931');
  });

  it('ignores people typing and then pressing Enter, even fast typists', () => {
    expect(type(new BarcodeBurst(), 'cola', 1000, 120)).toBeNull();
    expect(type(new BarcodeBurst(), 'coffee', 1000, 60)).toBeNull();
  });

  it('tolerates one key of a scan delayed by a busy page', () => {
    const b = new BarcodeBurst();
    const times = [0, 5, 10, 15, 20, 25, 95, 100, 105, 110, 115, 120, 125];
    [...'2000000000008'].forEach((ch, i) => b.feed(ch, 1000 + (times[i] ?? 0)));
    expect(b.feed('Enter', 1130)).toBe('2000000000008');
  });

  it('ignores a short burst and an Enter that comes late', () => {
    expect(type(new BarcodeBurst(), 'ab', 1000, 5)).toBeNull();
    const b = new BarcodeBurst();
    for (const [i, ch] of [...'12345678'].entries()) b.feed(ch, 1000 + i * 5);
    expect(b.feed('Enter', 1035 + SCANNER_MAX_GAP_MS + 1)).toBeNull();
  });

  it('leaves slow keys typed before a scan out of the code', () => {
    const b = new BarcodeBurst();
    b.feed('x', 0);
    b.feed('y', 500);
    expect(type(b, '12345678', 1000, 8)).toBe('12345678');
  });

  it('drops the burst on a non-character key, but lets Shift through for capitals', () => {
    const b = new BarcodeBurst();
    for (const [i, key] of ['A', 'B', 'Tab', 'C', 'D', 'E'].entries()) b.feed(key, i * 5);
    expect(b.feed('Enter', 30)).toBeNull();
    for (const [i, key] of ['Shift', 'A', 'B', 'Shift', 'C', 'D', 'E'].entries()) b.feed(key, 100 + i * 5);
    expect(b.feed('Enter', 140)).toBe('ABCDE');
  });
});
