// The shared primitives refuse what PostgreSQL cannot store, so every entity and admin message does.
import { describe, expect, it } from 'vitest';
import { Code, Day, IsoTime, Name, RecordTime, Text } from './primitives.ts';
import { MAX_RECORD_YEAR, MIN_RECORD_YEAR } from './limits.ts';

describe('contract primitives', () => {
  it('text refuses NUL and lone surrogates, and keeps surrogate pairs', () => {
    for (const schema of [Name, Code, Text]) {
      for (const bad of ['a\u0000b', '\u0000', 'x\ud800', '\udc00x', 'a\ud83d', '\ude00a']) expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(schema.safeParse('caf\u00e9 \ud83d\ude00').success).toBe(true);
    }
    const issue = Text.safeParse('a\u0000').error?.issues[0]?.message;
    expect(issue).toMatch(/NUL/);
    expect(Text.safeParse('\ud800').error?.issues[0]?.message).toMatch(/surrogate/);
  });

  it(`a record time is in the years ${MIN_RECORD_YEAR}-${MAX_RECORD_YEAR}; any IsoTime is not bounded`, () => {
    for (const bad of ['0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '1999-12-31T23:59:59.999Z', '3000-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(RecordTime.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ['2000-01-01T00:00:00Z', '2026-12-02T16:00:00.123+01:00', '2999-12-31T23:59:59Z']) expect(RecordTime.safeParse(good).success, good).toBe(true);
    expect(RecordTime.safeParse('1970-01-01T00:00:00Z').error?.issues[0]?.message).toMatch(/clock/);
    expect(IsoTime.safeParse('1970-01-01T00:00:00Z').success).toBe(true);
  });

  it('a day must exist in the calendar', () => {
    for (const bad of ['2024-13-45', '2024-02-30', '2023-02-29', '2024-00-10', '2024-1-1', '20240101']) expect(Day.safeParse(bad).success, bad).toBe(false);
    for (const good of ['2024-02-29', '2024-12-31', '2000-01-01']) expect(Day.safeParse(good).success, good).toBe(true);
  });
});
