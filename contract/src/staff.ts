// Staff (protocol 2): people of the organisation with a role per store, a PIN for the till and (owners
// and managers) an e-mail and password for the back office. A till pulls its store's members with their
// role's permissions and PIN hash (never the PIN) and signs people in offline against the hash.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { IsoTime, Name, Uuid } from './primitives.ts';
import { MAX_DOWNSTREAM_LIMIT, MAX_PASSWORD_LENGTH, MAX_PIN_DIGITS, MAX_STAFF_STORES, MIN_PASSWORD_LENGTH, MIN_PIN_DIGITS } from './limits.ts';

export const Role = z.enum(['owner', 'manager', 'cashier']).describe('A role in one store; its permissions are set per organisation (GET /api/v1/admin/roles).');
export type Role = z.infer<typeof Role>;

/** What the till checks before the action; a member lacking one needs a manager's PIN, and the record names both. */
export const TILL_PERMISSIONS = [
  'refund',
  'stock_adjust',
  'discount_over_limit', // a line or cart discount above the store's discount_limit_percent
  'price_override',
  'close_shift',
  'open_drawer', // opening the drawer without a sale
  'settings_and_pairing', // the settings screen, re-pairing the till
  'export_unsynced',
] as const;
/** Back office only (the hub checks these once staff sign in there). */
export const BACK_OFFICE_PERMISSIONS = [
  'manage_catalog',
  'manage_staff',
  'manage_devices',
  'view_reports',
  // A store's settings (PUT/PATCH /api/v1/admin/stores/{id}), in the stores where the role is held;
  // creating a store stays with owners.
  'manage_store_settings',
] as const;

export const Permission = z.enum([...TILL_PERMISSIONS, ...BACK_OFFICE_PERMISSIONS]).describe('Something a role may do.');
export type Permission = z.infer<typeof Permission>;
export const ALL_PERMISSIONS: readonly Permission[] = Permission.options;

/**
 * Where an organisation starts; the owner changes them with PUT /api/v1/admin/roles. The owner role
 * always holds every permission (so nobody can lock the organisation out of its own settings).
 */
export const DEFAULT_ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ALL_PERMISSIONS,
  manager: [...TILL_PERMISSIONS, 'manage_catalog', 'view_reports', 'manage_store_settings'],
  cashier: ['close_shift'],
};

/** A till PIN: 4 to 6 digits. It never travels after it is set; tills get its hash. */
export const Pin = z
  .string()
  .regex(new RegExp(`^[0-9]{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`), `a PIN is ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits`)
  .describe(`A till PIN of ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits; stored only as a slow salted hash.`);

/**
 * The PIN hash format: `scrypt$N$r$p$<salt base64>$<key base64>` (standard base64 with padding), the
 * key being scrypt(PIN as UTF-8, salt, N, r, p, dkLen = key length). The hub makes them with
 * PIN_SCRYPT; the till verifies them and refuses (does not apply) one whose cost is out of bounds, so a
 * hostile page cannot make it compute for minutes.
 */
export const PIN_SCRYPT = { N: 16_384, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;
/** Bounds of a PIN hash's cost: N a power of two in [2^10, 2^16], and N*r*p at most 2^20 (128 MiB * p at r 8). */
export const MIN_SCRYPT_N = 1_024;
export const MAX_SCRYPT_N = 65_536;
export const MAX_SCRYPT_COST = 1_048_576;

const B64 = '[A-Za-z0-9+/]+={0,2}';
const PIN_HASH_PATTERN = new RegExp(`^scrypt\\$([0-9]{1,6})\\$([0-9]{1,2})\\$([0-9]{1,2})\\$(${B64})\\$(${B64})$`);

export interface PinHashParts {
  N: number;
  r: number;
  p: number;
  /** Standard base64. */
  salt: string;
  /** Standard base64. */
  key: string;
}

/** The parts of a PIN hash, or null when it is not one or its cost is out of bounds. */
export function parsePinHash(text: string): PinHashParts | null {
  const m = PIN_HASH_PATTERN.exec(text);
  if (m === null) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = m[4] ?? '';
  const key = m[5] ?? '';
  const powerOfTwo = (N & (N - 1)) === 0;
  if (!powerOfTwo || N < MIN_SCRYPT_N || N > MAX_SCRYPT_N || r < 1 || p < 1 || N * r * p > MAX_SCRYPT_COST) return null;
  // 8 to 64 bytes of salt, 16 to 64 bytes of key.
  if (salt.length < 12 || salt.length > 88 || key.length < 24 || key.length > 88) return null;
  return { N, r, p, salt, key };
}

export function formatPinHash(parts: PinHashParts): string {
  return `scrypt$${parts.N}$${parts.r}$${parts.p}$${parts.salt}$${parts.key}`;
}

export const PinHash = z
  .string()
  .max(250)
  .regex(PIN_HASH_PATTERN)
  .refine((s) => parsePinHash(s) !== null, 'scrypt cost or sizes out of bounds')
  .describe('scrypt$N$r$p$<salt base64>$<key base64>: the PIN hash a till verifies a PIN against.');

export const Email = z.email().max(254).describe('The back-office sign-in e-mail; unique.');
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(MAX_PASSWORD_LENGTH)
  .describe(`A back-office password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; stored only as a scrypt hash.`);

export const staffSchemas = oncePerBuilder((object) => {
  /** Downstream: one member as the till of one store sees them. */
  const staffMember = object(
    {
      id: Uuid,
      display_name: Name.describe('The name the till shows and receipts print.'),
      role: Role.describe('The role in the pulling till store.'),
      permissions: z.array(Permission).max(ALL_PERMISSIONS.length).describe('What the role may do, as the owner set it.'),
      pin_hash: PinHash.nullable().describe('null when the member has no PIN or is not active: the till then signs nobody in with it.'),
      active: z
        .boolean()
        .describe("false when the member was deactivated or lost their role in this store: the till drops their PIN at once (their past sales keep the id)."),
      updated_at: IsoTime.describe('When the hub last changed the row.'),
    },
    { id: 'StaffMember', description: "A staff member of the till's store, pulled like the catalog (cursor-ordered)." },
  );

  const storeRole = object({ store_id: Uuid, role: Role }, { id: 'StoreRole', description: 'A role in one store.' });
  const roles = z
    .array(storeRole)
    .max(MAX_STAFF_STORES)
    .refine((list) => new Set(list.map((r) => r.store_id)).size === list.length, 'one role per store');
  const backOfficeRole = (list: { role: Role }[]) => list.some((r) => r.role === 'owner' || r.role === 'manager');

  /** Admin: a member as the back office sees them. Never a hash. */
  const staffRecord = object(
    {
      id: Uuid,
      display_name: Name,
      email: Email.nullable(),
      active: z.boolean(),
      roles: z.array(storeRole).describe('The member roles, one per store.'),
      has_pin: z.boolean().describe('Whether a till PIN is set.'),
      has_password: z.boolean().describe('Whether a back-office password is set.'),
      created_at: IsoTime,
      updated_at: IsoTime,
    },
    { id: 'StaffRecord', description: 'A staff member as the back office sees them; PIN and password never leave the hub.' },
  );
  const staffCreate = object.doc(
    object({
      id: Uuid.optional().describe('The new member id; the hub makes one when absent.'),
      display_name: Name,
      email: Email.nullable().optional(),
      pin: Pin.optional(),
      password: Password.optional(),
      roles: roles.min(1),
    })
      .refine((s) => s.password === undefined || (s.email !== undefined && s.email !== null), { message: 'a password needs an e-mail', path: ['password'] })
      .refine((s) => s.password === undefined || backOfficeRole(s.roles), { message: 'only owners and managers sign in to the back office', path: ['password'] }),
    { id: 'StaffCreate', description: 'A new staff member with a role in at least one store.' },
  );
  const staffPatch = object(
    {
      display_name: Name.optional(),
      email: Email.nullable().optional(),
      pin: Pin.nullable().optional().describe('A new PIN (reset); null removes it.'),
      password: Password.nullable().optional().describe('A new password (reset); null removes it.'),
      roles: roles.optional().describe('Replaces the roles: a store left out loses the member (its tills see them inactive).'),
      active: z.boolean().optional().describe('false deactivates: every till drops the PIN at its next pull.'),
    },
    { id: 'StaffPatch', description: 'The fields of a staff member to change; absent fields stay.' },
  );
  const staffQuery = object({ store_id: Uuid.optional().describe('Only members with a role in this store.') });
  const staffList = object({ staff: z.array(staffRecord).describe('By display name.') }, { id: 'StaffList', description: 'Staff members.' });
  const staffParams = object({ staff_id: Uuid.describe('The staff member.') });
  const staffRoleParams = object({ staff_id: Uuid.describe('The staff member.'), store_id: Uuid.describe('The store of the role.') });
  const staffRoleSet = object(
    { role: Role.describe('The role to hold in this store: added, or replacing the one held there.') },
    { id: 'StaffRoleSet', description: "A member's role in one store." },
  );

  const rolePermissions = object(
    { role: Role, permissions: z.array(Permission).max(ALL_PERMISSIONS.length).refine((p) => new Set(p).size === p.length, 'each permission once') },
    { id: 'RolePermissions', description: 'What one role may do, in every store.' },
  );
  const rolesList = object(
    { roles: z.array(rolePermissions).min(1).max(Role.options.length).refine((r) => new Set(r.map((x) => x.role)).size === r.length, 'each role once') },
    { id: 'RolesList', description: 'Roles and their permissions; a PUT changes the roles it names (the owner role always holds every permission).' },
  );

  return { staffMember, storeRole, staffRecord, staffCreate, staffPatch, staffQuery, staffList, staffParams, staffRoleParams, staffRoleSet, rolePermissions, rolesList };
});

type Schemas = ReturnType<typeof staffSchemas>;
export type StaffMember = z.infer<Schemas['staffMember']>;
export type StaffRecord = z.infer<Schemas['staffRecord']>;
export type StaffCreate = z.infer<Schemas['staffCreate']>;
export type StaffPatch = z.infer<Schemas['staffPatch']>;
export type RolePermissions = z.infer<Schemas['rolePermissions']>;
export type StoreRole = z.infer<Schemas['storeRole']>;
export type StaffRoleSet = z.infer<Schemas['staffRoleSet']>;

/** Staff rows one downstream page carries at most (with the other entities: `limit` in all). */
export const MAX_STAFF_PER_PAGE = MAX_DOWNSTREAM_LIMIT;
