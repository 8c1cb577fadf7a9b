import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, firstOfMonth, lastOfMonth } from './calendar-day.ts';

describe('calendar days', () => {
  it('adds days across months, years and the daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('finds the first and last day of a month, with month offsets across years', () => {
    expect(firstOfMonth('2026-12-17')).toBe('2026-12-01');
    expect(firstOfMonth('2026-12-17', 1)).toBe('2027-01-01');
    expect(firstOfMonth('2026-01-17', -1)).toBe('2025-12-01');
    expect(lastOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(lastOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(lastOfMonth('2026-01-31', -1)).toBe('2025-12-31');
    expect(lastOfMonth('2026-11-30', 1)).toBe('2026-12-31');
  });

  it('counts the days of a period, both ends included', () => {
    expect(daysInclusive('2026-12-01', '2026-12-01')).toBe(1);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2026-12-02', '2026-12-01')).toBe(0);
  });
});
