// Cash-drawer shifts: at most one open at a time (the shifts_one_open index enforces it too).
// Local only: the hub never sees shifts, only the sales that name one.
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import type { ShiftView, ZReport } from '../../api/till-api.ts';
import { assertMoney, invalid } from './draft-checks.ts';
import { computeZReport, type ShiftRow } from './z-report.ts';
import { staffName } from '../staff/staff-store.ts';

const SHIFT_COLUMNS = 'uuid, opened_at, opening_float, closed_at, opened_by';

async function toShiftView(db: SqlExecutor, row: ShiftRow): Promise<ShiftView> {
  return { uuid: row.uuid, openedAt: row.opened_at, openingFloat: row.opening_float, closedAt: row.closed_at, openedBy: await staffName(db, row.opened_by) };
}

function openShiftRow(db: SqlExecutor): Promise<ShiftRow | undefined> {
  return db.get<ShiftRow>(`SELECT ${SHIFT_COLUMNS} FROM shifts WHERE closed_at IS NULL`);
}

export async function openShiftUuid(db: SqlExecutor): Promise<string | null> {
  return (await openShiftRow(db))?.uuid ?? null;
}

export async function currentShift(db: SqlExecutor): Promise<ShiftView | null> {
  const row = await openShiftRow(db);
  return row === undefined ? null : toShiftView(db, row);
}

export async function openShift(db: SqlConnection, deps: TillDataDeps, openingFloat: number): Promise<ShiftView> {
  assertMoney(openingFloat, 'The opening float');
  const uuid = deps.newUuid();
  const openedAt = new Date(deps.clock.now()).toISOString();
  const actor = deps.actor(null);
  return db.transaction(async (tx) => {
    if ((await openShiftRow(tx)) !== undefined) throw invalid('A shift is already open; close it before opening another.');
    await tx.run(`INSERT INTO shifts (uuid, opened_at, opening_float, opened_by) VALUES (?, ?, ?, ?)`, [uuid, openedAt, openingFloat, actor.staffId]);
    return { uuid, openedAt, openingFloat, closedAt: null, openedBy: await staffName(tx, actor.staffId) };
  });
}

/** Computes and stores the Z report in the same transaction, so no sale slips between the two. */
export async function closeShift(db: SqlConnection, deps: TillDataDeps, countedCash: number): Promise<ZReport> {
  assertMoney(countedCash, 'The counted cash');
  const terminal = await deps.terminal();
  const closedAt = new Date(deps.clock.now()).toISOString();
  if ((await openShiftRow(db)) === undefined) throw invalid('No shift is open.');
  const actor = deps.actor('close_shift');
  return db.transaction(async (tx) => {
    const shift = await openShiftRow(tx);
    if (shift === undefined) throw invalid('No shift is open.');
    const report = await computeZReport(tx, shift, {
      closedAt,
      countedCash,
      terminalName: terminal?.terminal_name ?? '',
      currency: terminal?.currency ?? '',
      closedBy: actor,
    });
    await tx.run(
      `UPDATE shifts SET closed_at = ?, counted_cash = ?, expected_cash = ?, z_report = ?, closed_by = ?, close_approved_by = ? WHERE uuid = ? AND closed_at IS NULL`,
      [closedAt, countedCash, report.expectedCash, JSON.stringify(report), actor.staffId, actor.approvedBy, shift.uuid],
    );
    return report;
  });
}
