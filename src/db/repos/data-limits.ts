// Caps on what one call of the till's data service returns or accepts. The UI asks for a limit;
// these bound it so a careless caller cannot make the worker read 100k rows in one go.

/** Most products one search, product page or stock page returns. */
export const MAX_SEARCH_RESULTS = 100;
/** Most customers one customer search returns. */
export const MAX_CUSTOMER_RESULTS = 50;
/** Most sales one history query returns. */
export const MAX_HISTORY_RESULTS = 200;
/** Most rows one stock query returns. */
export const MAX_STOCK_RESULTS = 200;
/** Longest search text read; the rest is ignored (a scanner never sends more). */
export const MAX_SEARCH_TEXT_LENGTH = 100;
/** Digits in a receipt number's counter: R1-000042. */
export const RECEIPT_COUNTER_DIGITS = 6;
