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

/** Idle time after which the till asks for a PIN again, per store; the default and the bounds. */
export const DEFAULT_IDLE_LOCK_SECONDS = 300;
export const MIN_IDLE_LOCK_SECONDS = 30;
export const MAX_IDLE_LOCK_SECONDS = 86_400;
/** A line or cart discount above this percentage needs the discount_over_limit permission, per store. */
export const DEFAULT_DISCOUNT_LIMIT_PERCENT = 10;

/** Pairing codes: characters, and how long one may be redeemed (single use). */
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_TTL_SECONDS = 900;

/** Staff: PIN digits, back-office password length, stores one member may have a role in. */
export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 6;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_STAFF_STORES = 100;
/** A device's report of its queue: the largest count it may report. */
export const MAX_REPORTED_COUNT = 1_000_000_000;

/** The storage alarm (unsynced sales on storage that is not persistent): hours they may wait, per store. */
export const DEFAULT_STORAGE_ALARM_HOURS = 24;
export const MIN_STORAGE_ALARM_HOURS = 1;
export const MAX_STORAGE_ALARM_HOURS = 168;
/** A store's address on receipts: lines, and characters per line (an 80 mm roll prints about 42). */
export const MAX_ADDRESS_LINES = 4;
export const MAX_ADDRESS_LINE_LENGTH = 100;
/** A tax number or VAT id, loosely: the formats differ by country (DE 12/345/67890, DE123456789). */
export const MAX_TAX_ID_LENGTH = 32;
/** The receipt's own header and footer text (a few printed lines). */
export const MAX_RECEIPT_TEXT_LENGTH = 300;
/** The time zone a store gets when none is given. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
