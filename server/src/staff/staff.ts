// Staff members and their roles per store, for the admin API. PINs and passwords arrive in plain text
// over TLS, are hashed here (auth/slow-hash.ts) and never stored, logged or answered; the admin sees only
// has_pin / has_password. Every change re-stamps the member's store-role rows, so each of their stores'
// tills pulls the new name, PIN hash, role or deactivation with its next page (downstream-page.ts).
// Callers run these under the commit-order lock (admin-guard's `versionedWrite`), and hash the secrets
// before taking it (hashSecrets): a password hash takes about a second, which no till should wait for.
import { randomUUID } from 'node:crypto';
import type { Role, StaffCreate, StaffPatch, StaffRecord, StoreRole } from '@ezo/contract/staff';
import type { Sql } from '../db/database.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { hashPassword, hashPin } from '../auth/slow-hash.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const RECORD_COLUMNS = `s.id::text AS id, s.display_name, s.email, s.active, s.pin_hash IS NOT NULL AS has_pin, s.password_hash IS NOT NULL AS has_password,
  ${iso('s.created_at')} AS created_at, ${iso('s.updated_at')} AS updated_at,
  COALESCE((SELECT json_agg(json_build_object('store_id', r.store_id, 'role', r.role) ORDER BY r.store_id)
              FROM staff_store_roles r WHERE r.staff_id = s.id AND r.removed_at IS NULL), '[]'::json) AS roles`;

/** Hashed PIN and password of a create or patch: undefined leaves it, null removes it. */
export interface HashedSecrets {
  pinHash: string | null | undefined;
  passwordHash: string | null | undefined;
}

export async function hashSecrets(input: { pin?: string | null | undefined; password?: string | null | undefined }): Promise<HashedSecrets> {
  return {
    pinHash: input.pin === undefined || input.pin === null ? input.pin : await hashPin(input.pin),
    passwordHash: input.password === undefined || input.password === null ? input.password : await hashPassword(input.password),
  };
}

export async function listStaff(db: Sql, storeId?: string): Promise<StaffRecord[]> {
  if (storeId === undefined) return db.query<StaffRecord>(`SELECT ${RECORD_COLUMNS} FROM staff s ORDER BY s.display_name, s.id`);
  return db.query<StaffRecord>(
    `SELECT ${RECORD_COLUMNS} FROM staff s WHERE EXISTS (SELECT 1 FROM staff_store_roles r WHERE r.staff_id = s.id AND r.store_id = $1 AND r.removed_at IS NULL)
      ORDER BY s.display_name, s.id`,
    [storeId],
  );
}

export async function staffRecord(db: Sql, id: string): Promise<StaffRecord> {
  const rows = await db.query<StaffRecord>(`SELECT ${RECORD_COLUMNS} FROM staff s WHERE s.id = $1`, [id]);
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no staff member ${id}`);
  return row;
}

async function checkStores(tx: Sql, roles: readonly StoreRole[]): Promise<void> {
  if (roles.length === 0) return;
  const ids = roles.map((r) => r.store_id);
  const found = await tx.query<{ id: string }>('SELECT id::text AS id FROM stores WHERE id = ANY($1::uuid[])', [ids]);
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id.toLowerCase()));
  if (missing !== undefined) throw new HttpError('not_found', `no store ${missing}`);
}

function emailTaken(err: unknown): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new HttpError('conflict', 'this e-mail is already used by another staff member');
  throw err;
}

/** Re-stamps the member's store rows: every till of their stores pulls them again. */
async function republish(tx: Sql, staffId: string): Promise<void> {
  await tx.query('UPDATE staff SET updated_at = now() WHERE id = $1', [staffId]);
  await tx.query('UPDATE staff_store_roles SET role = role WHERE staff_id = $1', [staffId]);
}

async function setRoles(tx: Sql, staffId: string, roles: readonly StoreRole[]): Promise<void> {
  await checkStores(tx, roles);
  for (const r of roles) {
    await tx.query(
      `INSERT INTO staff_store_roles (staff_id, store_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (staff_id, store_id) DO UPDATE SET role = EXCLUDED.role, removed_at = NULL`,
      [staffId, r.store_id, r.role],
    );
  }
  // A store left out: the role ends (kept as a row, so that store's tills learn it and drop the PIN).
  await tx.query('UPDATE staff_store_roles SET removed_at = now() WHERE staff_id = $1 AND removed_at IS NULL AND NOT (store_id = ANY($2::uuid[]))', [
    staffId,
    roles.map((r) => r.store_id),
  ]);
}

/** Active members holding an owner role somewhere: the organisation always keeps one once it has one. */
async function ownerCount(tx: Sql): Promise<number> {
  const rows = await tx.query<{ n: number | string }>(
    `SELECT count(DISTINCT s.id) AS n FROM staff s JOIN staff_store_roles r ON r.staff_id = s.id
      WHERE s.active AND r.removed_at IS NULL AND r.role = 'owner'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Runs a change and refuses it (409, the caller's transaction rolls back) when it leaves the organisation without an owner. */
async function keepingAnOwner<T>(tx: Sql, path: string, change: () => Promise<T>): Promise<T> {
  const before = await ownerCount(tx);
  const result = await change();
  if (before > 0 && (await ownerCount(tx)) === 0) {
    throw new HttpError('last_owner', 'the organisation must keep an owner', [{ path, message: 'this is the last owner: make someone else an owner first' }]);
  }
  return result;
}

/** Back-office sign-in only for owners and managers, and only with an e-mail to sign in with. */
async function checkBackOffice(tx: Sql, staffId: string, rolePath = 'password'): Promise<void> {
  const rows = await tx.query<{ email: string | null; has_password: boolean; back_office: boolean }>(
    `SELECT s.email, s.password_hash IS NOT NULL AS has_password,
            EXISTS (SELECT 1 FROM staff_store_roles r WHERE r.staff_id = s.id AND r.removed_at IS NULL AND r.role IN ('owner', 'manager')) AS back_office
       FROM staff s WHERE s.id = $1`,
    [staffId],
  );
  const row = rows[0];
  if (row === undefined || !row.has_password) return;
  if (row.email === null) throw new HttpError('bad_request', 'a back-office password needs an e-mail', [{ path: 'email', message: 'required with a password' }]);
  if (!row.back_office) {
    const message = rolePath === 'password' ? 'remove it, or give an owner or manager role' : 'this member signs in to the back office: keep an owner or manager role, or remove their password first';
    throw new HttpError('bad_request', 'only owners and managers sign in to the back office', [{ path: rolePath, message }]);
  }
}

export async function createStaff(tx: Sql, input: StaffCreate, secrets: HashedSecrets): Promise<StaffRecord> {
  const id = input.id ?? randomUUID();
  const pinHash = secrets.pinHash ?? null;
  const passwordHash = secrets.passwordHash ?? null;
  await checkStores(tx, input.roles);
  await tx
    .query('INSERT INTO staff (id, display_name, email, pin_hash, password_hash) VALUES ($1, $2, $3, $4, $5)', [id, input.display_name, input.email ?? null, pinHash, passwordHash])
    .catch(emailTaken);
  await setRoles(tx, id, input.roles);
  return staffRecord(tx, id);
}

export async function patchStaff(tx: Sql, id: string, patch: StaffPatch, secrets: HashedSecrets): Promise<StaffRecord> {
  const exists = await tx.query('SELECT 1 FROM staff WHERE id = $1 FOR UPDATE', [id]);
  if (exists.length === 0) throw new HttpError('not_found', `no staff member ${id}`);
  const sets: string[] = [];
  const params: (string | boolean | null)[] = [id];
  const set = (column: string, value: string | boolean | null) => sets.push(`${column} = $${params.push(value)}`);
  if (patch.display_name !== undefined) set('display_name', patch.display_name);
  if (patch.email !== undefined) set('email', patch.email);
  if (patch.active !== undefined) set('active', patch.active);
  if (secrets.pinHash !== undefined) set('pin_hash', secrets.pinHash);
  if (secrets.passwordHash !== undefined) set('password_hash', secrets.passwordHash);
  await keepingAnOwner(tx, patch.roles === undefined ? 'active' : 'roles', async () => {
    if (sets.length > 0) await tx.query(`UPDATE staff SET ${sets.join(', ')} WHERE id = $1`, params).catch(emailTaken);
    if (patch.roles !== undefined) await setRoles(tx, id, patch.roles);
  });
  await checkBackOffice(tx, id);
  await republish(tx, id);
  return staffRecord(tx, id);
}

async function lockMember(tx: Sql, id: string): Promise<void> {
  const exists = await tx.query('SELECT 1 FROM staff WHERE id = $1 FOR UPDATE', [id]);
  if (exists.length === 0) throw new HttpError('not_found', `no staff member ${id}`);
}

/** Gives the member `role` in one store (added, or replacing the role held there). */
export async function setStoreRole(tx: Sql, staffId: string, storeId: string, role: Role): Promise<StaffRecord> {
  await lockMember(tx, staffId);
  await checkStores(tx, [{ store_id: storeId, role }]);
  await keepingAnOwner(tx, 'role', () => addRole(tx, staffId, storeId, role));
  await checkBackOffice(tx, staffId, 'role');
  await republish(tx, staffId);
  return staffRecord(tx, staffId);
}

/** Ends the member's role in one store (its tills see them inactive and drop the PIN); 404 when they hold none there. */
export async function removeStoreRole(tx: Sql, staffId: string, storeId: string): Promise<StaffRecord> {
  await lockMember(tx, staffId);
  await keepingAnOwner(tx, 'role', async () => {
    const ended = await tx.query('UPDATE staff_store_roles SET removed_at = now() WHERE staff_id = $1 AND store_id = $2 AND removed_at IS NULL RETURNING 1', [staffId, storeId]);
    if (ended.length === 0) throw new HttpError('not_found', `no role in store ${storeId}`);
  });
  await checkBackOffice(tx, staffId, 'role');
  await republish(tx, staffId);
  return staffRecord(tx, staffId);
}

/** A member with a role in `storeId` (for the demo seed and tests). */
export async function addRole(tx: Sql, staffId: string, storeId: string, role: Role): Promise<void> {
  await tx.query(
    `INSERT INTO staff_store_roles (staff_id, store_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (staff_id, store_id) DO UPDATE SET role = EXCLUDED.role, removed_at = NULL`,
    [staffId, storeId, role],
  );
}
