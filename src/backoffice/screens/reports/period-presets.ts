// The quick periods of the period report (today, yesterday, the last 7 days, this month, last month),
// as calendar days from a given "today" (YYYY-MM-DD), counted by src/domain/calendar-day.ts.
import { addDays, firstOfMonth, lastOfMonth } from '../../../domain/calendar-day.ts';

export const PERIOD_PRESETS = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The last 7 days: today and the 6 before it. */
const LAST_DAYS = 7;

export interface DayRange {
  from: string;
  to: string;
}

export function presetRange(preset: PeriodPreset, today: string): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'last7':
      return { from: addDays(today, -(LAST_DAYS - 1)), to: today };
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'lastMonth':
      return { from: firstOfMonth(today, -1), to: lastOfMonth(today, -1) };
  }
}

/** The preset that gives exactly this range today, if any (its button shows as pressed). */
export function matchingPreset(range: DayRange, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
