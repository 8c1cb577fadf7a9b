// A closed shift as the hub receives it (contract Shift, protocol 3), built from what the till stored
// when it closed (the Z report JSON, the shift row, its cash movements and no-sale drawer openings), and
// its outbox row. A shift is queued exactly once: its shift_uploads row (migration 011) is written in
// the same transaction as the queue row, and only shifts without one are queued. Closing queues the
// shift it closes in its own transaction; the same call also queues any earlier closed shift that was
// never queued (closed before this update, or while the till was not paired).
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import type { Shift, ShiftCashMove, ShiftDrawerOpening } from '@ezo/contract/shift';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { strictContract } from '@ezo/contract/contract';
import type { ZReport } from '../../api/till-api.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import { TillError } from '../../api/till-error.ts';
import { enqueue } from '../../sync/outbox.ts';
import { shiftRecordProblem } from '../../domain/shift-record-check.ts';
import { notifyQueued } from './notify-queued.ts';

interface ClosedShiftRow {
  id: number;
  uuid: string;
  opened_at: string;
  closed_at: string;
  opening_float: number;
  z_number: number;
  z_report: string;
  opened_by: string | null;
  closed_by: string | null;
  close_approved_by: string | null;
}

/** The shift's record for the hub, from its stored Z report: the figures exactly as printed. */
async function shiftRecord(tx: SqlExecutor, row: ClosedShiftRow, terminal: TerminalInfo): Promise<Shift> {
  const z = JSON.parse(row.z_report) as ZReport;
  const moves = await tx.all<ShiftCashMove>(
    `SELECT uuid, kind, amount, reason, staff_id, approved_by, created_at FROM cash_movements WHERE shift_uuid = ? ORDER BY id`,
    [row.uuid],
  );
  const openings = await tx.all<ShiftDrawerOpening>(`SELECT uuid, staff_id, approved_by, created_at FROM drawer_opens WHERE shift_uuid = ? ORDER BY id`, [row.uuid]);
  // The cashiers the report printed (z-report.ts, shiftCashiers), with their ids.
  const cashiers = await tx.all<{ staff_id: string; name: string }>(
    `SELECT s.staff_id, st.display_name AS name FROM sales s JOIN staff st ON st.id = s.staff_id
     WHERE s.shift_uuid = ? GROUP BY s.staff_id ORDER BY min(s.id)`,
    [row.uuid],
  );
  return {
    uuid: row.uuid,
    terminal_id: terminal.terminal_id,
    z_number: row.z_number,
    // A shift closed while the till was not paired printed no currency: its store's is the terminal's.
    currency: z.currency === '' ? terminal.currency : z.currency,
    opened_at: row.opened_at,
    closed_at: row.closed_at,
    opened_by: row.opened_by,
    closed_by: row.closed_by,
    close_approved_by: row.close_approved_by,
    opening_float: row.opening_float,
    cash_moves: moves,
    expected_cash: z.expectedCash,
    counted_cash: z.countedCash,
    denominations: z.denominations,
    difference: z.difference,
    drawer_openings: openings,
    z_report: {
      first_receipt: z.firstReceipt,
      last_receipt: z.lastReceipt,
      sales_count: z.salesCount,
      sales_total: z.salesTotal,
      refunds_count: z.refundsCount,
      refunds_total: z.refundsTotal,
      turnover: z.turnover,
      discounts: z.discounts,
      vat: z.vat.map((r) => ({ tax_rate_bp: r.tax_rate_bp, net: r.net, vat: r.vat, gross: r.gross })),
      payments: z.byMethod.map((m) => ({ method: m.method, count: m.count, amount: m.amount })),
      cash_in: z.cashIn,
      cash_out: z.cashOut,
      cashiers,
      grand_total: z.grandTotal,
      // Reports closed before drawer openings were counted printed none (and none could be made).
      no_sale_openings: (z as Partial<ZReport>).noSaleOpenings ?? openings.length,
    },
  };
}

/** Why the hub would refuse this record, or null. */
function refusal(record: Shift): string | null {
  const parsed = strictContract.upstream.shift.safeParse(record);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return first === undefined ? 'it fails the contract' : `${first.path.join('.')}: ${first.message}`;
  }
  return shiftRecordProblem(record);
}

/**
 * Queues every closed shift not queued yet, oldest Z number first, in the caller's transaction; returns
 * how many. `closing`: the shift being closed in this transaction, whose record must be one the hub
 * accepts (else TillError invalid and the close rolls back); an earlier shift is queued as it is, so a
 * refusal by the hub shows among the failed items rather than the shift being kept back unseen.
 */
export async function queueClosedShifts(tx: SqlExecutor, terminal: TerminalInfo, at: string, closing: string | null = null): Promise<number> {
  const rows = await tx.all<ClosedShiftRow>(
    `SELECT id, uuid, opened_at, closed_at, opening_float, z_number, z_report, opened_by, closed_by, close_approved_by FROM shifts s
     WHERE z_number IS NOT NULL AND z_report IS NOT NULL AND NOT EXISTS (SELECT 1 FROM shift_uploads u WHERE u.shift_uuid = s.uuid)
     ORDER BY z_number`,
  );
  for (const row of rows) {
    const record = await shiftRecord(tx, row, terminal);
    const problem = row.uuid === closing ? refusal(record) : null;
    if (problem !== null) throw new TillError('invalid', `This shift's record cannot be sent to the hub (${problem}).`);
    await enqueue(tx, { entityType: 'Shift', entityId: row.id, action: 'CREATE', payload: record, idempotencyKey: row.uuid, createdAt: at });
    await tx.run(`INSERT INTO shift_uploads (shift_uuid, queued_at) VALUES (?, ?)`, [row.uuid, at]);
  }
  return rows.length;
}

/** Queues closed shifts never queued (see queueClosedShifts) in a transaction of its own; nothing before pairing. */
export async function queueUnsentShifts(db: SqlConnection, deps: Pick<TillDataDeps, 'terminal' | 'clock' | 'onQueued'>): Promise<number> {
  const terminal = await deps.terminal();
  if (terminal === null) return 0;
  const at = new Date(deps.clock.now()).toISOString();
  const queued = await db.transaction((tx) => queueClosedShifts(tx, terminal, at));
  if (queued > 0) notifyQueued(deps);
  return queued;
}
