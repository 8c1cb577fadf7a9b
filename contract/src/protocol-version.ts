// The wire protocol's version. Bump it with a line below whenever a schema in this folder changes;
// protocol-version.test.ts fails until you do.
//
// 1: first version (downstream pages with stock levels, upstream batches of sales, adjustments and
//    product edits with per-item results, terminal info, admin messages, demo pairing).
// v2 (in progress): text refuses NUL and lone surrogates (StorableString), created_at/edited_at are
//    RecordTime (years 2000-2999), admin day is a real calendar day, locale is a BCP-47 tag; the
//    admin sales report pages (cursor, next_cursor), filters below_catalog, lists price_deviations;
//    StockLevel.quantity is any safe integer (items are bounded to ±MAX_STOCK at ingest instead).
// v2 (in progress): admin StorePrice/StorePriceSet (a store's own price over the chain's; till edits
//    change only their store's price); CustomerCreate/CustomerPatch store_id and admin ChainSettings
//    (share_customers): customers belong to a store, tills see only their store's unless shared.
export const PROTOCOL_VERSION = 1;

/** Header both sides send; the hub answers 400 to a version it does not speak. */
export const PROTOCOL_HEADER = 'x-ezo-protocol';
