// Cash-drawer shifts: at most one open at a time (the shifts_one_open index enforces it too). Selling
// and refunding need an open shift, so every sale is in a Z report. Closing computes the Z report
// in the same transaction, gives it the next Z number and keeps it with the shift; a closed shift
// is immutable (migration 009's triggers). Opening, closing and cash movements name the staff
// member (closing also the manager who approved it when the member lacked close_shift). A closed
// shift goes to the hub: its record is queued in the transaction that closes it (shift-record.ts).
// Opening the drawer without a sale needs an open shift and open_drawer (or a manager's approval);
// each opening is recorded and counted in the Z report.
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import type { CashMoveInput, CashMoveView, ClosedShiftSummary, DrawerOpening, ShiftClose, ShiftView, ZReport } from '../../api/till-api.ts';
import { MAX_CASH_MOVES_PER_SHIFT, MAX_DENOMINATIONS, MAX_DRAWER_OPENINGS_PER_SHIFT, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { TillError } from '../../api/till-error.ts';
import { assertMoney, invalid } from './draft-checks.ts';
import type { Actor, TillDataDeps } from '../../api/service-parts.ts';
import { computeZReport, shiftMoves, type ShiftRow } from './z-report.ts';
import { staffName } from '../staff/staff-store.ts';
import { queueClosedShifts } from './shift-record.ts';
import { notifyQueued } from './notify-queued.ts';

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

/** The open shift's uuid, or the refusal staff see: a sale or refund needs the drawer counted in. */
export async function requireOpenShift(db: SqlExecutor): Promise<string> {
  const uuid = await openShiftUuid(db);
  if (uuid === null) throw new TillError('no_shift', 'Open a shift (count the opening float) before selling.');
  return uuid;
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
  const terminal = await deps.terminal();
  const { view, queued } = await db.transaction(async (tx) => {
    if ((await openShiftRow(tx)) !== undefined) throw invalid('A shift is already open; close it before opening another.');
    await tx.run(`INSERT INTO shifts (uuid, opened_at, opening_float, opened_by) VALUES (?, ?, ?, ?)`, [uuid, openedAt, openingFloat, actor.staffId]);
    // Shifts closed before this till queued shifts, or while it was not paired, go now.
    const queued = terminal === null ? 0 : await queueClosedShifts(tx, terminal, openedAt);
    return { view: { uuid, openedAt, openingFloat, closedAt: null, openedBy: await staffName(tx, actor.staffId) }, queued };
  });
  if (queued > 0) notifyQueued(deps);
  return view;
}

export async function recordCashMove(db: SqlConnection, deps: TillDataDeps, move: CashMoveInput): Promise<CashMoveView> {
  if (move.kind !== 'in' && move.kind !== 'out') throw invalid('Cash goes in or out.');
  assertMoney(move.amount, 'The amount');
  if (move.amount === 0) throw invalid('The amount must be more than zero.');
  const reason = typeof move.reason === 'string' ? move.reason.trim() : '';
  if (reason === '') throw invalid('Say why cash goes in or out.');
  if (reason.length > MAX_TEXT_LENGTH) throw invalid(`The reason can have at most ${MAX_TEXT_LENGTH} characters.`);
  const uuid = deps.newUuid();
  const createdAt = new Date(deps.clock.now()).toISOString();
  const actor = deps.actor(null);
  return db.transaction(async (tx) => {
    const shift = await requireOpenShift(tx);
    const moves = await tx.get<{ n: number }>(`SELECT count(*) AS n FROM cash_movements WHERE shift_uuid = ?`, [shift]);
    if ((moves?.n ?? 0) >= MAX_CASH_MOVES_PER_SHIFT) throw invalid(`A shift can have at most ${MAX_CASH_MOVES_PER_SHIFT} cash movements; close it and open a new one.`);
    if (move.kind === 'out') {
      const preview = await previewOf(tx, deps, null);
      if (preview !== null && move.amount > preview.expectedCash) throw invalid('More cash would go out than the drawer should hold.');
    }
    await tx.run(`INSERT INTO cash_movements (uuid, shift_uuid, kind, amount, reason, staff_id, approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      uuid,
      shift,
      move.kind,
      move.amount,
      reason,
      actor.staffId,
      actor.approvedBy,
      createdAt,
    ]);
    return { uuid, kind: move.kind, amount: move.amount, reason, createdAt };
  });
}

export async function cashMoves(db: SqlExecutor): Promise<CashMoveView[]> {
  const shift = await openShiftRow(db);
  return shift === undefined ? [] : shiftMoves(db, shift.uuid);
}

async function lastClosed(tx: SqlExecutor): Promise<{ z_number: number; grand_total: number } | undefined> {
  return tx.get<{ z_number: number; grand_total: number }>(`SELECT z_number, grand_total FROM shifts WHERE z_number IS NOT NULL ORDER BY z_number DESC LIMIT 1`);
}

/** The Z report closing now would give; closedBy is null for a preview (nobody closes yet). */
async function previewOf(tx: SqlExecutor, deps: TillDataDeps, closedBy: Actor | null, close?: ShiftClose): Promise<ZReport | null> {
  const shift = await openShiftRow(tx);
  if (shift === undefined) return null;
  const terminal = await deps.terminal();
  const local = await lastClosed(tx);
  // The hub's last shift of this terminal when it is further on: this till replaced another one.
  const fromHub = terminal?.last_z_number ?? 0;
  const last = fromHub > (local?.z_number ?? 0) ? { z_number: fromHub, grand_total: terminal?.last_grand_total ?? 0 } : local;
  return computeZReport(tx, shift, {
    closedAt: new Date(deps.clock.now()).toISOString(),
    countedCash: close?.countedCash ?? 0,
    denominations: close?.denominations ?? null,
    zNumber: (last?.z_number ?? 0) + 1,
    previousGrandTotal: last?.grand_total ?? 0,
    terminalName: terminal?.terminal_name ?? '',
    currency: terminal?.currency ?? '',
    closedBy,
  });
}

export function shiftPreview(db: SqlConnection, deps: TillDataDeps): Promise<ZReport | null> {
  return db.transaction((tx) => previewOf(tx, deps, null));
}

function checkClose(close: ShiftClose): ShiftClose {
  assertMoney(close.countedCash, 'The counted cash');
  if (close.denominations === null) return { countedCash: close.countedCash, denominations: null };
  if (!Array.isArray(close.denominations) || close.denominations.length > MAX_DENOMINATIONS) throw invalid('The count by notes and coins is not valid.');
  let sum = 0;
  for (const d of close.denominations) {
    assertMoney(d.value, 'A denomination');
    if (!Number.isSafeInteger(d.count) || d.count < 0) throw invalid('A count of notes or coins is a whole number.');
    sum += d.value * d.count;
  }
  if (sum !== close.countedCash) throw invalid('The counted cash is not the sum of the notes and coins.');
  return { countedCash: close.countedCash, denominations: close.denominations.filter((d) => d.count > 0).map((d) => ({ value: d.value, count: d.count })) };
}

/** Computes and stores the Z report in the same transaction, so no sale slips between the two. */
export async function closeShift(db: SqlConnection, deps: TillDataDeps, input: ShiftClose): Promise<ZReport> {
  const close = checkClose(input);
  // Checked (and a manager's approval used up) only when there is a shift to close.
  if ((await openShiftRow(db)) === undefined) throw invalid('No shift is open.');
  const actor = deps.actor('close_shift');
  const terminal = await deps.terminal();
  const { report, queued } = await db.transaction(async (tx) => {
    const report = await previewOf(tx, deps, actor, close);
    if (report === null) throw invalid('No shift is open.');
    await tx.run(
      `UPDATE shifts SET closed_at = ?, counted_cash = ?, expected_cash = ?, z_report = ?, z_number = ?, grand_total = ?, closed_by = ?, close_approved_by = ?
       WHERE uuid = ? AND closed_at IS NULL`,
      [report.closedAt, report.countedCash, report.expectedCash, JSON.stringify(report), report.zNumber, report.grandTotal, actor.staffId, actor.approvedBy, report.shiftUuid],
    );
    // The record for the hub and its outbox row commit with the close, or neither does. Not paired:
    // queued when the till next starts or opens a shift paired.
    const queued = terminal === null ? 0 : await queueClosedShifts(tx, terminal, report.closedAt, report.shiftUuid);
    return { report, queued };
  });
  if (queued > 0) notifyQueued(deps);
  return report;
}

/**
 * Opens the cash drawer without a sale (giving change, checking a note): needs an open shift and
 * open_drawer, or a manager's approval. Recorded with who and when; the Z report counts it.
 */
export async function openDrawer(db: SqlConnection, deps: TillDataDeps): Promise<DrawerOpening> {
  // Checked (and a manager's approval used up) only when there is a shift to open the drawer in.
  if ((await openShiftRow(db)) === undefined) throw new TillError('no_shift', 'Open a shift before opening the drawer.');
  const actor = deps.actor('open_drawer');
  const uuid = deps.newUuid();
  const createdAt = new Date(deps.clock.now()).toISOString();
  return db.transaction(async (tx) => {
    const shift = await requireOpenShift(tx);
    const count = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM drawer_opens WHERE shift_uuid = ?`, [shift]))?.n ?? 0;
    if (count >= MAX_DRAWER_OPENINGS_PER_SHIFT) throw invalid(`A shift can have at most ${MAX_DRAWER_OPENINGS_PER_SHIFT} drawer openings; close it and open a new one.`);
    await tx.run(`INSERT INTO drawer_opens (uuid, shift_uuid, staff_id, approved_by, created_at) VALUES (?, ?, ?, ?, ?)`, [uuid, shift, actor.staffId, actor.approvedBy, createdAt]);
    return { uuid, createdAt, openedBy: await staffName(tx, actor.staffId), count: count + 1 };
  });
}

export async function closedShifts(db: SqlExecutor, limit: number): Promise<ClosedShiftSummary[]> {
  const rows = await db.all<{ z_report: string }>(`SELECT z_report FROM shifts WHERE z_number IS NOT NULL ORDER BY z_number DESC LIMIT ?`, [
    Math.max(1, Math.min(500, Math.trunc(limit))),
  ]);
  return rows.map((r) => {
    const z = JSON.parse(r.z_report) as ZReport;
    return { shiftUuid: z.shiftUuid, zNumber: z.zNumber, openedAt: z.openedAt, closedAt: z.closedAt, turnover: z.turnover, difference: z.difference };
  });
}

export async function zReport(db: SqlExecutor, shiftUuid: string): Promise<ZReport | null> {
  const row = await db.get<{ z_report: string | null }>(`SELECT z_report FROM shifts WHERE uuid = ? AND z_number IS NOT NULL`, [shiftUuid]);
  const json = row?.z_report ?? null;
  // A report closed before drawer openings were counted has none (none could be made).
  return json === null ? null : { noSaleOpenings: 0, ...(JSON.parse(json) as Omit<ZReport, 'noSaleOpenings'>) };
}
