// The quick periods of the period report (today, yesterday, the last 7 days, this month, last month),
// as calendar days from a given "today" (YYYY-MM-DD). Pure date arithmetic on UTC midnights, so no
// time zone or daylight-saving change shifts a day.

export const PERIOD_PRESETS = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The last 7 days: today and the 6 before it. */
const LAST_DAYS = 7;
const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
}

const parse = (day: string): Date => new Date(`${day}T00:00:00Z`);
const format = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => format(new Date(parse(day).getTime() + n * DAY_MS));

export function presetRange(preset: PeriodPreset, today: string): DayRange {
  const d = parse(today);
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
      return { from: format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))), to: today };
    case 'lastMonth':
      return {
        from: format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))),
        to: format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0))),
      };
  }
}

/** The preset that gives exactly this range today, if any (its button shows as pressed). */
export function matchingPreset(range: DayRange, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
