// The wire protocol's version, and the window of versions the hub accepts. Bump PROTOCOL_VERSION with a
// line below whenever a schema in this folder changes; protocol-version.test.ts fails until you do.
// Before changing a schema a till sends (upstream), copy the old one into v<N>/ so the hub still parses
// it: a till that was offline during a hub upgrade must be able to push what it sold before updating.
//
// History:
// 1: first version (downstream pages with stock levels, upstream batches of sales, adjustments and
//    product edits with per-item results, terminal info, admin messages, demo pairing).
// 2: staff and devices. Upstream items carry staff_id and approved_by (v1 items are still accepted,
//    stored without staff; staff_id may be absent on items a till queued before its update); reject code unknown_staff. Downstream pages gain `staff` (a new key: a v1
//    till ignores it). Pairing by one-time code (pairing.ts) gives each device its own token and
//    receipt prefix; TerminalInfo gains device_id and store settings; device reports; admin devices,
//    staff, roles and import of a till's export. 401 codes device_revoked, device_retired,
//    invalid_token; pairing_code_invalid; protocol_too_old (426). Demo pairing hands out a code.
//    With it, the hardening of issue 15: text refuses NUL and lone surrogates (StorableString),
//    created_at/edited_at are RecordTime (years 2000-2999; the frozen v1 schemas too), admin day is a
//    real calendar day, locale is a BCP-47 tag; the admin sales report pages (cursor, next_cursor),
//    filters below_catalog, lists price_deviations; StockLevel.quantity is any safe integer (items are
//    bounded to ±MAX_STOCK at ingest instead); admin store prices (a till's price edit changes only its
//    store's price), customers per store with a chain setting share_customers.
// 3: store settings, open-price products, shifts and the report routes. Store settings: Downstream pages gain `store_settings` (the till's own store: legal name, address,
//    tax number, VAT id, receipt header and footer, locale, currency, time zone, idle lock, discount
//    limit, storage alarm hours; default [] so a protocol 2 page parses); admin Store carries them and
//    PUT /api/v1/admin/stores/{id} sets them (StoreSettingsPut). Products gain `open_price` (default
//    false): the till asks for the price, the hub takes it as the catalog price.
//    Shifts (issue 17): Upstream batches gain `shifts` (closed shifts with their Z reports, shift.ts;
//    default none, so every protocol 2 batch is still valid) and the item entity `shift`; admin
//    GET /api/v1/admin/shifts (ShiftsQuery, AdminShift, ShiftsReport). TerminalInfo gains the optional
//    last_z_number and last_grand_total (a till replacing another continues the terminal's Z numbers).
//    Reports (additive: no till message changed): admin sales journal, receipt as printed, period
//    report and their CSV exports, the days a till sold whose shift has not arrived (reports.ts);
//    AdminShift names its terminal and staff as the Z report prints them (for the reprint).
//    Back office (additive): the permission manage_store_settings (a store's settings; tills never pull
//    it, the hub leaves it out of downstream staff rows so a till's enum still parses them); one role
//    per store set or removed at a time (StaffRoleSet, PUT/DELETE /api/v1/admin/staff/{id}/roles/{store});
//    error code last_owner (409) when a staff change would leave the organisation without an owner.
export const PROTOCOL_VERSION = 3;

/**
 * The oldest version the hub still speaks. A till older than this is answered 426 protocol_too_old on
 * every sync call: it keeps all its data and tells staff to update the app. Raise it only when no till in
 * the field can still be on the older version (at least one release after the bump).
 */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 1;

/** Header both sides send; absent means PROTOCOL_VERSION (scripts and tests). */
export const PROTOCOL_HEADER = 'x-ezo-protocol';

/** Whether the hub speaks `version`. */
export function isSupportedProtocol(version: number): boolean {
  return Number.isInteger(version) && version >= MIN_SUPPORTED_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}
