// Calendar days as the reports write them (YYYY-MM-DD, a store's local date): arithmetic on UTC
// midnights, so no time zone or daylight-saving change moves a day. The back office's quick periods
// and the hub's period report (whole months from the monthly rows) count days and months with these.

/** One calendar day in ms (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' -> ms at that day's UTC midnight (NaN for text that is not a date). */
export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** ms -> the UTC calendar day it falls on, 'YYYY-MM-DD'. */
export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before it for negative n). */
export function addDays(day: string, n: number): string {
  return msToDay(dayToMs(day) + n * DAY_MS);
}

/** The first day of the month `monthOffset` months after the month of `day` (Date.UTC rolls the year over). */
export function firstOfMonth(day: string, monthOffset = 0): string {
  const d = new Date(dayToMs(day));
  return msToDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthOffset, 1));
}

/** The last day of the month `monthOffset` months after the month of `day` (day 0 of the next month). */
export function lastOfMonth(day: string, monthOffset = 0): string {
  const d = new Date(dayToMs(day));
  return msToDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthOffset + 1, 0));
}

/** Days from `from` to `to`, both counted (0 or less when to is before from). */
export function daysInclusive(from: string, to: string): number {
  return (dayToMs(to) - dayToMs(from)) / DAY_MS + 1;
}
