// The TerminalInfo a till reads (GET /api/v1/sync/terminal, and in a pairing answer) from a principal.
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { TerminalPrincipal } from '../auth/authenticate.ts';

export function terminalInfoOf(who: TerminalPrincipal): TerminalInfo {
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
  };
}
