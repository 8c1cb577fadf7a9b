// How a CSV export writes numbers, dates and headers. "store": the store's locale, so a spreadsheet
// opens it as figures: where the locale writes a decimal comma (de-DE), fields are separated by ";"
// (what German Excel and LibreOffice expect), dates are the locale's (03.12.2026), headers in the
// store's language (German or English), and a byte order mark tells Excel it is UTF-8. "neutral": ","
// and ".", ISO dates, English headers, no BOM: for programs. Money is exact (integer minor units written
// as a decimal string, never through a float).
import type { CsvFormat } from '@ezo/contract/reports';
import { moneyFormat } from '../../../src/domain/format-money.ts';
import type { ReportStore } from './report-scope.ts';
import { CSV_HEADERS, type CsvColumn, type CsvLanguage } from './csv-headers.ts';

const NEUTRAL_LOCALE = 'en-US';
const BASIS_POINTS_PER_PERCENT = 100;

export interface CsvStyle {
  delimiter: string;
  bom: boolean;
  language: CsvLanguage;
  /** Minor units -> "12,34" or "12.34". */
  money: (minor: number) => string;
  /** Basis points -> percent: 1900 -> "19", 550 -> "5,5". */
  percent: (bp: number) => string;
  /** YYYY-MM-DD -> the locale's date ("03.12.2026") or as is. */
  date: (day: string) => string;
  header: (column: CsvColumn) => string;
}

/** The locale of the stores when they share one; stores with different locales export neutrally. */
export function csvStyle(format: CsvFormat, stores: readonly ReportStore[]): CsvStyle {
  const locales = [...new Set(stores.map((s) => s.locale))];
  const currency = stores[0]?.currency ?? 'EUR';
  const locale = format === 'store' && locales.length === 1 && locales[0] !== undefined ? locales[0] : undefined;
  const money = moneyFormat(currency, locale ?? NEUTRAL_LOCALE);
  const decimal = money.decimalSeparator;
  const language: CsvLanguage = locale?.toLowerCase().startsWith('de') === true ? 'de' : 'en';
  let dateFormat: Intl.DateTimeFormat | undefined;
  try {
    dateFormat = locale === undefined ? undefined : new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  } catch {
    dateFormat = undefined;
  }
  return {
    delimiter: decimal === ',' ? ';' : ',',
    bom: locale !== undefined,
    language,
    money: money.plain,
    percent: (bp) => {
      const whole = Math.trunc(bp / BASIS_POINTS_PER_PERCENT);
      const rest = bp % BASIS_POINTS_PER_PERCENT;
      return rest === 0 ? String(whole) : `${whole}${decimal}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
    },
    date: (day) => (dateFormat === undefined ? day : dateFormat.format(new Date(`${day}T00:00:00Z`))),
    header: (column) => CSV_HEADERS[language][column],
  };
}
