// A closed shift: an immutable record stored once by uuid (like a sale), for the terminal that sent it.
// Its figures are checked to add up (src/domain/shift-record-check.ts), never recomputed from the
// stored sales: a till may send a shift before some of its sales are accepted, and what the till
// printed is what the hub keeps, with the names and store header it printed (shift-printed.ts). The Z
// number is unique per terminal (migrations/012-shifts.ts).
import type { Shift } from '@ezo/contract/shift';
import type { Sql } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { shiftRecordProblem } from '../../../src/domain/shift-record-check.ts';
import { Rejection, replayOrConflict, type Outcome } from './item-outcome.ts';
import { checkAttribution } from './attribution.ts';
import { SHIFT_PRINTED_SQL } from './shift-printed.ts';

/** The unique constraint on (terminal_id, z_number) of migrations/012-shifts.ts. */
export const Z_NUMBER_UNIQUE = 'shifts_z_number_unique';

/** The staff a shift names whose role in the store the hub checks (as a sale's staff_id). */
export function shiftStaff(shift: Shift): { staff_id: string; approved_by: string | null }[] {
  const named = [shift.opened_by, shift.closed_by].filter((id): id is string => id !== null);
  return [...named.map((id) => ({ staff_id: id, approved_by: null })), ...(shift.close_approved_by === null ? [] : [{ staff_id: shift.close_approved_by, approved_by: null }])];
}

/** Rejections that need no database: the terminal, the currency, the arithmetic, the staff. */
export function checkShift(shift: Shift, who: TerminalPrincipal, members: ReadonlySet<string>): void {
  if (shift.terminal_id.toLowerCase() !== who.terminalId) {
    throw new Rejection('wrong_terminal', `terminal_id ${shift.terminal_id} is not the terminal this token belongs to`);
  }
  if (shift.currency !== who.currency) throw new Rejection('currency_mismatch', `shift is in ${shift.currency}, the store sells in ${who.currency}`);
  const problem = shiftRecordProblem(shift);
  if (problem !== null) throw new Rejection('totals_mismatch', `the shift's figures do not add up: ${problem}`);
  for (const person of shiftStaff(shift)) checkAttribution(person, members);
}

export async function ingestShift(tx: Sql, who: TerminalPrincipal, shift: Shift, hash: string, members: ReadonlySet<string>): Promise<Outcome> {
  checkShift(shift, who, members);
  const z = shift.z_report;
  const inserted = await tx.query(
    `INSERT INTO shifts (uuid, store_id, terminal_id, device_id, z_number, currency, opened_at, closed_at, opened_by, closed_by, close_approved_by,
                         opening_float, expected_cash, counted_cash, difference, first_receipt, last_receipt, sales_count, sales_total,
                         refunds_count, refunds_total, turnover, discounts, cash_in, cash_out, grand_total, no_sale_openings, content_hash, body, printed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29,
             ${SHIFT_PRINTED_SQL({ store: '$2::uuid', terminal: '$3::uuid', openedBy: '$9::uuid', closedBy: '$10::uuid', approvedBy: '$11::uuid' })})
     ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [
      shift.uuid,
      who.storeId,
      who.terminalId,
      who.deviceId,
      shift.z_number,
      shift.currency,
      shift.opened_at,
      shift.closed_at,
      shift.opened_by,
      shift.closed_by,
      shift.close_approved_by,
      shift.opening_float,
      shift.expected_cash,
      shift.counted_cash,
      shift.difference,
      z.first_receipt,
      z.last_receipt,
      z.sales_count,
      z.sales_total,
      z.refunds_count,
      z.refunds_total,
      z.turnover,
      z.discounts,
      z.cash_in,
      z.cash_out,
      z.grand_total,
      z.no_sale_openings,
      hash,
      shift as unknown as Record<string, unknown>,
    ],
  );
  if (inserted.length === 0) return replayOrConflict(tx, 'shifts', shift.uuid, hash, who);
  return 'applied';
}
