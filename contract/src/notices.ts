// GET /api/v1/sync/notices: the hub's live notices to a connected till, as Server-Sent Events. A notice
// says only "data this store's tills pull changed up to cursor C"; the till pulls as usual when C is past
// its own cursor. Nothing else travels on the stream (no data, nothing secret), and the cursor still comes
// only from pulls. Additive to protocol 2: a till that never opens the stream syncs as before. Not in
// contract.ts (the protocol hash): the stream is optional and carries no data the till stores.
import type { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Cursor } from './primitives.ts';

export const NOTICES_PATH = '/api/v1/sync/notices';

/** The SSE event names on the stream. */
export const NoticeEvent = {
  /** Sent once when the stream opens: the till pulls once to cover what it may have missed while away. */
  ready: 'ready',
  /** Data changed up to the cursor in the data. */
  changed: 'changed',
} as const;

export const noticeSchemas = oncePerBuilder((object) => ({
  changed: object({
    cursor: Cursor.describe('The data changed up to this cursor (a pull cursor: the till pulls when it is past its own).'),
  }).describe('A change concerning this till: pull when the cursor is past the one the till holds.'),
}));

export type ChangeNotice = z.infer<ReturnType<typeof noticeSchemas>['changed']>;

/**
 * True when the notice's cursor is past the till's, so a pull would bring something. Cursors the hub
 * issues today are `v1.<version>`, ordered by version; any other pair is treated as newer (a pull too
 * many costs one request, a pull too few a stale price).
 */
export function isPastCursor(notice: string, till: string | null): boolean {
  if (till === null) return true;
  const a = /^v1\.(\d+)$/.exec(notice);
  const b = /^v1\.(\d+)$/.exec(till);
  if (a?.[1] === undefined || b?.[1] === undefined) return notice !== till;
  return BigInt(a[1]) > BigInt(b[1]);
}
