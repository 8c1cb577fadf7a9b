// Dates and times on the till's screens and receipts: shared with the back office's reprints, so they
// live in src/print/date-time.ts.
export { formatDateTime, formatTime, localDay } from '../print/date-time.ts';
