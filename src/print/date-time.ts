// Dates and times on screens and receipts (the till's, and the back office's reprints), in the store's locale. Receipts and Z reports pass the
// store's time zone (StoreSettings.time_zone), so a till whose clock is set to another zone still
// prints the store's local time; screens use the device's. Display only: the till's clock never
// decides what syncs.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown locale or time zone (the hub validates both; a newer one than this browser knows).
      const { timeZone: _unknown, ...rest } = options;
      f = new Intl.DateTimeFormat(undefined, rest);
    }
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return formatter(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** The local calendar day of `date` as YYYY-MM-DD (what api.sales expects). */
export function localDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
