// The Z report: what a shift took, from the sales and refunds that name it. Money in the drawer is
// expected to be the opening float plus cash payments net of change and of cash refunds.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { PaymentMethodTotal, ZReport } from '../../api/till-api.ts';
import { PaymentMethod } from '@ezo/contract/sale';
import type { Actor } from '../../api/service-parts.ts';
import { staffName } from '../staff/staff-store.ts';

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
  terminalName: string;
  currency: string;
  /** Who closes the shift, and the manager who approved it when they lacked close_shift. */
  closedBy: Actor;
}

export async function computeZReport(tx: SqlExecutor, shift: ShiftRow, close: ZReportClose): Promise<ZReport> {
  const totals = await tx.get<{ sales_count: number; refunds_count: number; gross: number; refunds: number; tax: number }>(
    `SELECT
       count(*) FILTER (WHERE refund_of IS NULL) AS sales_count,
       count(*) FILTER (WHERE refund_of IS NOT NULL) AS refunds_count,
       coalesce(sum(total) FILTER (WHERE refund_of IS NULL), 0) AS gross,
       coalesce(-sum(total) FILTER (WHERE refund_of IS NOT NULL), 0) AS refunds,
       coalesce(sum(tax_total), 0) AS tax
     FROM sales WHERE shift_uuid = ?`,
    [shift.uuid],
  );
  const methods = await tx.all<{ method: string; count: number; amount: number }>(
    `SELECT p.method, count(*) AS count, sum(p.amount) AS amount
     FROM sales s JOIN payments p ON p.sale_id = s.id WHERE s.shift_uuid = ? GROUP BY p.method`,
    [shift.uuid],
  );
  // Every method appears, in a fixed order, so the printed report always has the same rows.
  const byMethod: PaymentMethodTotal[] = PaymentMethod.options.map((method) => {
    const row = methods.find((m) => m.method === method);
    return { method, count: row?.count ?? 0, amount: row?.amount ?? 0 };
  });
  const cash = byMethod.find((m) => m.method === 'cash')?.amount ?? 0;
  const grossSales = totals?.gross ?? 0;
  const refundsTotal = totals?.refunds ?? 0;
  const expectedCash = shift.opening_float + cash;
  return {
    shiftUuid: shift.uuid,
    terminalName: close.terminalName,
    openedBy: await staffName(tx, shift.opened_by),
    closedBy: await staffName(tx, close.closedBy.staffId),
    closeApprovedBy: await staffName(tx, close.closedBy.approvedBy),
    openedAt: shift.opened_at,
    closedAt: close.closedAt,
    currency: close.currency,
    openingFloat: shift.opening_float,
    salesCount: totals?.sales_count ?? 0,
    refundsCount: totals?.refunds_count ?? 0,
    grossSales,
    refundsTotal,
    taxTotal: totals?.tax ?? 0,
    netTotal: grossSales - refundsTotal,
    byMethod,
    expectedCash,
    countedCash: close.countedCash,
    difference: close.countedCash - expectedCash,
  };
}
