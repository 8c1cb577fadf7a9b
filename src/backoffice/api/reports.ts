// The Reports screen's calls: the period report, the sales journal, one receipt as printed, a store's
// closed shifts and the tills whose shift has not arrived, and the URLs of the CSV exports (plain links: the browser downloads them with the cookie).
import { strictContract } from '@ezo/contract/contract';
import type { CsvFormat, JournalExportQuery, JournalQuery, PeriodSection } from '@ezo/contract/reports';
import { API_BASE, apiRequest, withQuery } from './client.ts';

const { reports, admin } = strictContract;
const withSignal = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });

export interface PeriodFilter {
  /** '' : every store the person may see. */
  storeId: string;
  from: string;
  to: string;
}

const periodQuery = (f: PeriodFilter) => ({ store_id: f.storeId === '' ? undefined : f.storeId, from: f.from, to: f.to });

export const getPeriodReport = (f: PeriodFilter, signal?: AbortSignal) =>
  apiRequest('GET', '/admin/reports/period', { schema: reports.periodReport, query: periodQuery(f), ...withSignal(signal) });

/** The days of the period on which a till sold whose shift has not reached the hub. */
export const getUnsentShifts = (f: PeriodFilter, signal?: AbortSignal) =>
  apiRequest('GET', '/admin/reports/unsent-shifts', { schema: reports.unsentShifts, query: periodQuery(f), ...withSignal(signal) });

export const periodExportUrl = (f: PeriodFilter, section: PeriodSection, format: CsvFormat) =>
  withQuery(`${API_BASE}/admin/reports/period/export`, { ...periodQuery(f), section, format });

export const getJournal = (query: JournalQuery, signal?: AbortSignal) =>
  apiRequest('GET', '/admin/reports/journal', { schema: reports.journalPage, query: { ...query }, ...withSignal(signal) });

export const journalExportUrl = (query: JournalExportQuery) => withQuery(`${API_BASE}/admin/reports/journal/export`, { ...query });

export const getReceipt = (uuid: string, signal?: AbortSignal) =>
  apiRequest('GET', `/admin/reports/sales/${encodeURIComponent(uuid)}`, { schema: reports.receipt, ...withSignal(signal) });

export const getShifts = (storeId: string, day: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiRequest('GET', '/admin/shifts', { schema: admin.shiftsReport, query: { store_id: storeId, day, cursor }, ...withSignal(signal) });
