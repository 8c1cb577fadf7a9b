// Five wrong PINs in a row lock PIN entry on this till for a minute. The count and the lock are
// kept in the settings table, so a reload (or a new tab) does not reset them. A right PIN clears the
// count. Sign-in and manager approval share one count: both are guesses at a PIN.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { PinLockState } from '../../api/till-api.ts';

export const MAX_WRONG_PINS = 5;
export const PIN_LOCK_MS = 60_000;

const KEY = { failures: 'pin.failures', lockedUntil: 'pin.locked_until' } as const;
const UPSERT = `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

export async function readPinLock(db: SqlExecutor, now: number): Promise<PinLockState> {
  const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM settings WHERE key IN (?, ?)`, [KEY.failures, KEY.lockedUntil]);
  const map = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const until = map.get(KEY.lockedUntil) ?? 0;
  const failures = map.get(KEY.failures) ?? 0;
  return { lockedUntil: Number.isFinite(until) && until > now ? until : null, failures: Number.isSafeInteger(failures) ? failures : 0 };
}

/** Counts a wrong PIN; returns the lock's end when this one locked PIN entry, else the tries left. */
export async function recordWrongPin(db: SqlExecutor, now: number): Promise<{ lockedUntil: number } | { triesLeft: number }> {
  const failures = (await readPinLock(db, now)).failures + 1;
  if (failures >= MAX_WRONG_PINS) {
    const lockedUntil = now + PIN_LOCK_MS;
    await db.run(UPSERT, [KEY.lockedUntil, String(lockedUntil)]);
    await db.run(UPSERT, [KEY.failures, '0']);
    return { lockedUntil };
  }
  await db.run(UPSERT, [KEY.failures, String(failures)]);
  return { triesLeft: MAX_WRONG_PINS - failures };
}

export async function clearWrongPins(db: SqlExecutor): Promise<void> {
  await db.run(UPSERT, [KEY.failures, '0']);
}
