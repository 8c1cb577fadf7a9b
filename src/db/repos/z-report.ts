// The Z report of a shift: its sales and refunds (in receipt order), its cash movements, the opening
// float and the counted drawer, put through domain/z-figures.ts. Read in the transaction that closes
// the shift, so no sale slips between the figures and the close.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { CashMoveView, DenominationCount, ZReport } from '../../api/till-api.ts';
import { PaymentMethod } from '@ezo/contract/sale';
import type { Actor } from '../../api/service-parts.ts';
import { staffName } from '../staff/staff-store.ts';
import { zFigures, type ZSale } from '../../domain/z-figures.ts';

export interface ShiftRow {
  uuid: string;
  opened_at: string;
  opening_float: number;
  closed_at: string | null;
  opened_by: string | null;
}

export interface ZReportClose {
  closedAt: string;
  countedCash: number;
  denominations: DenominationCount[] | null;
  zNumber: number;
  previousGrandTotal: number;
  terminalName: string;
  currency: string;
  /** Who closes the shift, and the manager who approved it when they lacked close_shift; null for a preview. */
  closedBy: Actor | null;
}

export async function shiftMoves(tx: SqlExecutor, shiftUuid: string): Promise<CashMoveView[]> {
  const rows = await tx.all<{ uuid: string; kind: 'in' | 'out'; amount: number; reason: string; created_at: string }>(
    `SELECT uuid, kind, amount, reason, created_at FROM cash_movements WHERE shift_uuid = ? ORDER BY id`,
    [shiftUuid],
  );
  return rows.map((r) => ({ uuid: r.uuid, kind: r.kind, amount: r.amount, reason: r.reason, createdAt: r.created_at }));
}

async function shiftSales(tx: SqlExecutor, shiftUuid: string): Promise<ZSale[]> {
  const sales = await tx.all<{ id: number; receipt_number: string; refund_of: string | null; total: number; discount_total: number }>(
    `SELECT id, receipt_number, refund_of, total, discount_total FROM sales WHERE shift_uuid = ? ORDER BY id`,
    [shiftUuid],
  );
  const lines = await tx.all<{ sale_id: number; tax_rate_bp: number; line_subtotal: number; line_tax: number; line_total: number }>(
    `SELECT i.sale_id, i.tax_rate_bp, i.line_subtotal, i.line_tax, i.line_total
     FROM sale_items i JOIN sales s ON s.id = i.sale_id WHERE s.shift_uuid = ? ORDER BY i.sale_id, i.line_no`,
    [shiftUuid],
  );
  const payments = await tx.all<{ sale_id: number; method: PaymentMethod; amount: number }>(
    `SELECT p.sale_id, p.method, p.amount FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.shift_uuid = ? ORDER BY p.id`,
    [shiftUuid],
  );
  const bySale = new Map<number, ZSale & { lines: ZSale['lines'][number][]; payments: ZSale['payments'][number][] }>();
  for (const s of sales) bySale.set(s.id, { receipt_number: s.receipt_number, refund_of: s.refund_of, total: s.total, discount_total: s.discount_total, lines: [], payments: [] });
  for (const l of lines) bySale.get(l.sale_id)?.lines.push({ tax_rate_bp: l.tax_rate_bp, line_subtotal: l.line_subtotal, line_tax: l.line_tax, line_total: l.line_total });
  for (const p of payments) bySale.get(p.sale_id)?.payments.push({ method: p.method, amount: p.amount });
  return [...bySale.values()];
}

/**
 * The staff members who sold or refunded in the shift, in the order of their first record there.
 * A member no longer in the staff table (never pulled) is left out rather than named by an id.
 */
async function shiftCashiers(tx: SqlExecutor, shiftUuid: string): Promise<string[]> {
  const rows = await tx.all<{ display_name: string }>(
    `SELECT st.display_name FROM sales s JOIN staff st ON st.id = s.staff_id
     WHERE s.shift_uuid = ? GROUP BY s.staff_id ORDER BY min(s.id)`,
    [shiftUuid],
  );
  return rows.map((r) => r.display_name);
}

export async function computeZReport(tx: SqlExecutor, shift: ShiftRow, close: ZReportClose): Promise<ZReport> {
  const sales = await shiftSales(tx, shift.uuid);
  const moves = await shiftMoves(tx, shift.uuid);
  const figures = zFigures({
    sales,
    moves,
    openingFloat: shift.opening_float,
    countedCash: close.countedCash,
    previousGrandTotal: close.previousGrandTotal,
    methods: PaymentMethod.options,
  });
  return {
    shiftUuid: shift.uuid,
    zNumber: close.zNumber,
    terminalName: close.terminalName,
    openedBy: await staffName(tx, shift.opened_by),
    closedBy: await staffName(tx, close.closedBy?.staffId ?? null),
    closeApprovedBy: await staffName(tx, close.closedBy?.approvedBy ?? null),
    openedAt: shift.opened_at,
    closedAt: close.closedAt,
    currency: close.currency,
    ...figures,
    moves,
    denominations: close.denominations,
    cashiers: await shiftCashiers(tx, shift.uuid),
    noSaleOpenings: (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM drawer_opens WHERE shift_uuid = ?`, [shift.uuid]))?.n ?? 0,
  };
}
