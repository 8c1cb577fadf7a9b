// Every size limit of the wire protocol, shared by the till and the hub so both refuse the same things.

/** Largest absolute money amount in minor units (1e11 = one billion in a two-decimal currency); far below 2^53. */
export const MAX_MONEY_MINOR = 100_000_000_000;
/** Largest absolute quantity on one sale line or adjustment. */
export const MAX_QUANTITY = 100_000;
/**
 * Largest absolute stock figure an item may take one product to in one store: the hub rejects an item
 * past it. Batches applied at the same moment cannot see each other, so a figure may end slightly past
 * it; a StockLevel therefore allows any safe integer, and the hub never serves one the till refuses.
 */
export const MAX_STOCK = 1_000_000_000;
/** Tax rates and discounts travel in basis points: 10000 = 100 %. */
export const BASIS_POINTS = 10_000;
/** Largest tax rate accepted, in basis points (100 %). */
export const MAX_TAX_RATE_BP = 10_000;

export const MAX_NAME_LENGTH = 200;
export const MAX_CODE_LENGTH = 64; // sku, barcode, receipt number
export const MAX_TEXT_LENGTH = 500; // notes, reasons, rejection messages
export const MAX_CURSOR_LENGTH = 100;

/**
 * Years a till-made time (a sale's or adjustment's created_at, an edit's edited_at) may carry. PostgreSQL
 * refuses year 0 and the ISO format allows 0000-9999; a till clock outside this range is broken (a reset
 * battery says 1970), and a sale filed under 1970 would be lost to every day report, so it is refused.
 */
export const MIN_RECORD_YEAR = 2000;
export const MAX_RECORD_YEAR = 2999;

/** Lines and payments one sale may carry. */
export const MAX_LINES_PER_SALE = 500;
export const MAX_PAYMENTS_PER_SALE = 20;

/** Items (sales + adjustments + product edits) one upstream batch may carry; more is a 400. */
export const MAX_UPSTREAM_ITEMS = 500;
/** Largest request body the hub reads; more is a 413. */
export const MAX_BODY_BYTES = 1_048_576;

/** Rows per downstream page when the till does not ask, and the most it may ask for. */
export const DEFAULT_DOWNSTREAM_LIMIT = 1_000;
export const MAX_DOWNSTREAM_LIMIT = 5_000;
