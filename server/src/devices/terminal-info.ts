// The TerminalInfo a till reads (GET /api/v1/sync/terminal, and in a pairing answer) from a principal,
// with the terminal's last stored shift, so a till replacing another continues its Z numbers.
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import type { Sql } from '../db/database.ts';

export interface LastShift {
  last_z_number: number;
  last_grand_total: number;
}

/** The terminal's highest Z number the hub stored and that shift's grand total; zeros when none (one index probe). */
export async function lastShiftOf(db: Sql, terminalId: string): Promise<LastShift> {
  const rows = await db.query<{ z_number: number; grand_total: string }>(
    'SELECT z_number, grand_total::text AS grand_total FROM shifts WHERE terminal_id = $1 ORDER BY z_number DESC LIMIT 1',
    [terminalId],
  );
  const row = rows[0];
  return row === undefined ? { last_z_number: 0, last_grand_total: 0 } : { last_z_number: row.z_number, last_grand_total: Number(row.grand_total) };
}

export function terminalInfoOf(who: TerminalPrincipal, last: LastShift): TerminalInfo {
  return {
    terminal_id: who.terminalId,
    terminal_name: who.terminalName,
    store_id: who.storeId,
    store_name: who.storeName,
    currency: who.currency,
    locale: who.locale,
    receipt_prefix: who.receiptPrefix,
    device_id: who.deviceId,
    idle_lock_seconds: who.idleLockSeconds,
    discount_limit_percent: who.discountLimitPercent,
    ...last,
  };
}
