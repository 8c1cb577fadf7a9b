// The PostgreSQL channel of live notices and its payload, as the triggers of migration 009 write it:
// '<scope> <version>', scope '*' for chain-wide rows (catalog) or a store's uuid (its prices, stock,
// staff, customers). Delivered at COMMIT to every hub instance that LISTENs.

export const CHANGE_CHANNEL = 'ezo_changes';
/** Chain-wide: every store's tills. */
export const CHAIN_SCOPE = '*';

export interface Change {
  scope: string;
  version: bigint;
}

const PAYLOAD = /^(\*|[0-9a-f-]{36}) (0|[1-9][0-9]{0,18})$/;

/** The change a payload names, or null for one this hub does not understand (ignored, never a crash). */
export function parseChange(payload: string): Change | null {
  const m = PAYLOAD.exec(payload);
  if (m?.[1] === undefined || m[2] === undefined) return null;
  return { scope: m[1], version: BigInt(m[2]) };
}
