// Refunds: a new sale with negative lines that point at the original's lines, paid back in one
// negative payment. The original is never touched; what a line may still return is what was sold
// minus every earlier refund of it, checked inside the refund's own transaction.
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import type { RefundDraft, RefundableLine, SaleDetail } from '../../api/till-api.ts';
import type { Sale, SaleLine, SalePayment } from '@ezo/contract/sale';
import { lineAmounts, saleAmounts } from '../../domain/sale-totals.ts';
import { TillError } from '../../api/till-error.ts';
import { MAX_LINES_PER_SALE } from '@ezo/contract/limits';
import { assertQuantity, invalid, isList } from './draft-checks.ts';
import { checkNote, requireTerminal } from './record-sale.ts';
import { takeReceiptNumber } from './receipt-numbers.ts';
import { insertSale } from './sale-store.ts';
import { saleDetail } from './sale-detail.ts';
import { requireOpenShift } from './shifts.ts';
import { notifyQueued } from './notify-queued.ts';

interface OriginalLineRow {
  uuid: string;
  product_uuid: string;
  name: string;
  sku: string;
  quantity: number;
  unit_price: number;
  discount_bp: number;
  tax_rate_bp: number;
  tax_included: number;
  already_refunded: number;
}

interface OriginalSale {
  uuid: string;
  currency: string;
  customer_uuid: string | null;
  lines: OriginalLineRow[];
}

async function originalSale(db: SqlExecutor, saleUuid: string): Promise<OriginalSale> {
  const sale = await db.get<{ id: number; uuid: string; currency: string; customer_uuid: string | null; refund_of: string | null }>(
    `SELECT id, uuid, currency, customer_uuid, refund_of FROM sales WHERE uuid = ?`,
    [saleUuid],
  );
  if (sale === undefined) throw new TillError('not_found', 'This sale is not on this till.');
  if (sale.refund_of !== null) throw invalid('A refund cannot itself be refunded.');
  const lines = await db.all<OriginalLineRow>(
    `SELECT i.uuid, i.product_uuid, i.name, i.sku, i.quantity, i.unit_price, i.discount_bp, i.tax_rate_bp, i.tax_included,
       coalesce((SELECT -sum(r.quantity) FROM sale_items r WHERE r.refund_of_line = i.uuid), 0) AS already_refunded
     FROM sale_items i WHERE i.sale_id = ? ORDER BY i.line_no`,
    [sale.id],
  );
  return { uuid: sale.uuid, currency: sale.currency, customer_uuid: sale.customer_uuid, lines };
}

function refundable(line: OriginalLineRow): number {
  return Math.max(0, line.quantity - line.already_refunded);
}

export async function refundableLines(db: SqlExecutor, saleUuid: string): Promise<RefundableLine[]> {
  const original = await originalSale(db, saleUuid);
  return original.lines.map((l) => ({
    lineUuid: l.uuid,
    productUuid: l.product_uuid,
    name: l.name,
    sold: l.quantity,
    alreadyRefunded: l.already_refunded,
    refundable: refundable(l),
    unitPrice: l.unit_price,
  }));
}

export async function recordRefund(db: SqlConnection, deps: TillDataDeps, draft: RefundDraft): Promise<SaleDetail> {
  const terminal = await requireTerminal(deps);
  if (!isList(draft.lines) || draft.lines.length === 0) throw invalid('Choose at least one item to refund.');
  if (draft.lines.length > MAX_LINES_PER_SALE) throw invalid(`A refund can have at most ${MAX_LINES_PER_SALE} lines.`);
  if (draft.method !== 'cash' && draft.method !== 'card') throw invalid('Choose cash or card to give the money back.');
  const seen = new Set<string>();
  for (const [i, l] of draft.lines.entries()) {
    assertQuantity(l.quantity, `Refund line ${i + 1}: the quantity`);
    if (l.quantity < 0) throw invalid(`Refund line ${i + 1}: give the quantity to return as a positive number.`);
    if (seen.has(l.lineUuid)) throw invalid('Each sold line may appear only once in a refund.');
    seen.add(l.lineUuid);
  }
  const note = checkNote(draft.note);
  const createdAt = new Date(deps.clock.now()).toISOString();
  const uuid = deps.newUuid();
  const actor = deps.actor('refund');

  await db.transaction(async (tx) => {
    const original = await originalSale(tx, draft.originalSaleUuid);
    if (original.currency !== terminal.currency) throw invalid(`This sale was made in ${original.currency}; the till now sells in ${terminal.currency}.`);
    const lines = draft.lines.map((want): SaleLine => {
      const sold = original.lines.find((l) => l.uuid === want.lineUuid);
      if (sold === undefined) throw invalid('A refund line does not belong to this sale.');
      if (want.quantity > refundable(sold)) {
        throw invalid(`${sold.name}: at most ${refundable(sold)} can still be refunded (sold ${sold.quantity}, refunded ${sold.already_refunded}).`);
      }
      const taxIncluded = sold.tax_included === 1;
      const input = { unit_price: sold.unit_price, quantity: -want.quantity, discount_bp: sold.discount_bp, tax_rate_bp: sold.tax_rate_bp, tax_included: taxIncluded };
      return {
        uuid: deps.newUuid(),
        product_uuid: sold.product_uuid,
        name: sold.name,
        sku: sold.sku,
        ...input,
        ...lineAmounts(input),
        refund_of_line: sold.uuid,
      };
    });
    const totals = saleAmounts(lines);
    const payment: SalePayment =
      draft.method === 'cash'
        ? { uuid: deps.newUuid(), method: 'cash', amount: totals.total, tendered: totals.total, change: 0 }
        : { uuid: deps.newUuid(), method: 'card', amount: totals.total, tendered: null, change: null };
    const refund: Sale = {
      uuid,
      receipt_number: await takeReceiptNumber(tx, terminal.receipt_prefix),
      terminal_id: terminal.terminal_id,
      shift_uuid: await requireOpenShift(tx),
      customer_uuid: original.customer_uuid,
      refund_of: original.uuid,
      currency: original.currency,
      ...totals,
      note,
      created_at: createdAt,
      lines,
      payments: [payment],
      staff_id: actor.staffId,
      approved_by: actor.approvedBy,
    };
    await insertSale(tx, refund);
  });
  notifyQueued(deps);
  const detail = await saleDetail(db, uuid);
  if (detail === null) throw new TillError('internal', 'The refund was recorded but cannot be read back.');
  return detail;
}
