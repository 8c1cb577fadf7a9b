// SQL that builds each pulled row's wire JSON inside PostgreSQL, so a 5,000-row page is assembled as
// text without decoding timestamps and bigints into JS objects and back. The shapes must equal
// catalog/wire-rows.ts (the admin API's encoding); the downstream race test compares the two.

/** A timestamptz as the wire's ISO text (milliseconds, UTC). */
export const iso = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const CATEGORY_JSON = `json_build_object('uuid', uuid, 'name', name, 'sort_order', sort_order,
  'updated_at', ${iso('updated_at')}, 'deleted_at', ${iso('deleted_at')})::text`;

/** A JSON string or null, as json_build_object writes a text value (to_json escapes as it does). */
const jsonText = (e: string) => `coalesce(to_json(${e})::text, 'null')`;
/** A JSON string or null of a value whose text needs no escaping (uuid, a to_char timestamp). */
const plainText = (e: string) => `coalesce('"' || ${e} || '"', 'null')`;

/**
 * A product as one store's tills see it: the chain's row (alias p) under the store's price override (alias
 * sp, LEFT JOINed; sync/effective-price.ts has the rule). Without an override it equals the admin API's row.
 * `sellsOpenPrice` false (a till before protocol 3): an open-price product is sent inactive.
 *
 * Written out with || rather than json_build_object, because a pull of a big catalog is mostly this
 * expression: json_build_object looks up each argument's type output on every row and took twice as long
 * (server/README.md, "Measured at scale"). It writes exactly json_build_object's text ("key" : value, ", "
 * between pairs), which is what tills have always received; server/test/wire-json.test.ts holds the
 * two equal byte for byte, on awkward values, on both backends.
 */
export const storeProductJson = (sellsOpenPrice: boolean): string =>
  [
    `'{"uuid" : "' || p.uuid::text || '", "sku" : ' || ${jsonText('p.sku')} || ', "barcode" : ' || ${jsonText('p.barcode')}`,
    `', "name" : ' || ${jsonText('p.name')} || ', "category_uuid" : ' || ${plainText('p.category_uuid::text')}`,
    `', "price" : ' || COALESCE(sp.price, p.price)::text || ', "tax_rate_bp" : ' || p.tax_rate_bp::text || ', "tax_included" : ' || p.tax_included::text`,
    `', "active" : ' || (${sellsOpenPrice ? 'p.active' : 'p.active AND NOT p.open_price'})::text || ', "open_price" : ' || p.open_price::text`,
    `', "price_version" : ' || (p.price_version + COALESCE(sp.price_version, 0))::text`,
    `', "updated_at" : ' || ${plainText(iso('GREATEST(p.updated_at, sp.updated_at)'))} || ', "deleted_at" : ' || ${plainText(iso('p.deleted_at'))} || '}'`,
  ].join('\n  || ');

export const CUSTOMER_JSON = `json_build_object('uuid', uuid, 'name', name, 'email', email, 'phone', phone,
  'updated_at', ${iso('updated_at')}, 'deleted_at', ${iso('deleted_at')})::text`;
export const STOCK_JSON = `json_build_object('product_uuid', product_uuid, 'quantity', quantity, 'updated_at', ${iso('updated_at')})::text`;

/**
 * The permissions a till's contract knew at protocol 3. A till parses `permissions` against its own
 * enum, so a permission added later (manage_store_settings, back office only) would make an older
 * till refuse the whole page: tills get only these, in the role's order.
 */
const PERMISSIONS_TILLS_KNOW = [
  'refund', 'stock_adjust', 'discount_over_limit', 'price_override', 'close_shift', 'open_drawer', 'settings_and_pairing', 'export_unsynced',
  'manage_catalog', 'manage_staff', 'manage_devices', 'view_reports',
] as const;
const TILL_PERMISSIONS_SQL = `ARRAY(SELECT x FROM unnest(p.permissions) WITH ORDINALITY AS u(x, i) WHERE x IN (${PERMISSIONS_TILLS_KNOW.map((x) => `'${x}'`).join(', ')}) ORDER BY i)`;

/** A staff member as the pulling store's tills see them (r: staff_store_roles, s: staff, p: role_permissions). No PIN hash once inactive. */
export const STAFF_JSON = `json_build_object('id', s.id, 'display_name', s.display_name, 'role', r.role, 'permissions', to_json(${TILL_PERMISSIONS_SQL}),
  'pin_hash', CASE WHEN s.active AND r.removed_at IS NULL THEN s.pin_hash END, 'active', s.active AND r.removed_at IS NULL,
  'updated_at', ${iso('r.updated_at')})::text`;
/** The FROM of STAFF_JSON. */
export const STAFF_FROM = `staff_store_roles r JOIN staff s ON s.id = r.staff_id JOIN role_permissions p ON p.role = r.role`;

/** A store's settings as its own tills pull them (downstream store_settings); the admin API's Store with store_id for id. */
export const STORE_SETTINGS_JSON = `json_build_object('store_id', id, 'name', name, 'legal_name', legal_name, 'address_lines', to_json(address_lines),
  'tax_number', tax_number, 'vat_id', vat_id, 'receipt_header', receipt_header, 'receipt_footer', receipt_footer,
  'idle_lock_seconds', idle_lock_seconds, 'discount_limit_percent', discount_limit_percent, 'storage_alarm_hours', storage_alarm_hours,
  'currency', trim(currency), 'locale', locale, 'time_zone', time_zone, 'updated_at', ${iso('updated_at')})::text`;
