// SQL that builds each pulled row's wire JSON inside PostgreSQL, so a 5,000-row page is assembled as
// text without decoding timestamps and bigints into JS objects and back. The shapes must equal
// catalog/wire-rows.ts (the admin API's encoding); the downstream race test compares the two.

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const CATEGORY_JSON = `json_build_object('uuid', uuid, 'name', name, 'sort_order', sort_order,
  'updated_at', ${iso('updated_at')}, 'deleted_at', ${iso('deleted_at')})::text`;
export const PRODUCT_JSON = `json_build_object('uuid', uuid, 'sku', sku, 'barcode', barcode, 'name', name,
  'category_uuid', category_uuid, 'price', price, 'tax_rate_bp', tax_rate_bp, 'tax_included', tax_included, 'active', active,
  'price_version', price_version, 'updated_at', ${iso('updated_at')}, 'deleted_at', ${iso('deleted_at')})::text`;
export const CUSTOMER_JSON = `json_build_object('uuid', uuid, 'name', name, 'email', email, 'phone', phone,
  'updated_at', ${iso('updated_at')}, 'deleted_at', ${iso('deleted_at')})::text`;
export const STOCK_JSON = `json_build_object('product_uuid', product_uuid, 'quantity', quantity, 'updated_at', ${iso('updated_at')})::text`;

/** A staff member as the pulling store's tills see them (r: staff_store_roles, s: staff, p: role_permissions). No PIN hash once inactive. */
export const STAFF_JSON = `json_build_object('id', s.id, 'display_name', s.display_name, 'role', r.role, 'permissions', to_json(p.permissions),
  'pin_hash', CASE WHEN s.active AND r.removed_at IS NULL THEN s.pin_hash END, 'active', s.active AND r.removed_at IS NULL,
  'updated_at', ${iso('r.updated_at')})::text`;
/** The FROM of STAFF_JSON. */
export const STAFF_FROM = `staff_store_roles r JOIN staff s ON s.id = r.staff_id JOIN role_permissions p ON p.role = r.role`;
