// Who made an upstream item: protocol 2 items name a staff member (and maybe an approving manager);
// protocol 1 items name nobody and are stored with staff NULL. The hub does not re-check permissions (the
// till decided offline with what it had); it checks that each named person has (or had) a role in the
// terminal's store, so a till cannot attribute a sale to someone of another store or to no one real.
// A member deactivated after the till last pulled still counts: that sale was made and must not be lost.
import { Rejection } from './item-outcome.ts';

export interface Attribution {
  staffId: string | null;
  approvedBy: string | null;
}

/** Reads the protocol 2 fields from any item (a protocol 1 item has neither). */
export function attributionOf(item: object): Attribution {
  const fields = item as { staff_id?: unknown; approved_by?: unknown };
  return {
    staffId: typeof fields.staff_id === 'string' ? fields.staff_id.toLowerCase() : null,
    approvedBy: typeof fields.approved_by === 'string' ? fields.approved_by.toLowerCase() : null,
  };
}

/** The staff the items name (lower case, each once): ingest-batch.ts reads which of them are members of the store. */
export function attributedIds(items: readonly object[]): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    const a = attributionOf(item);
    if (a.staffId !== null) ids.add(a.staffId);
    if (a.approvedBy !== null) ids.add(a.approvedBy);
  }
  return [...ids];
}

export function checkAttribution(item: object, members: ReadonlySet<string>): Attribution {
  const a = attributionOf(item);
  if (a.staffId !== null && !members.has(a.staffId)) throw new Rejection('unknown_staff', `staff_id ${a.staffId} names nobody with a role in this store`);
  if (a.approvedBy !== null && !members.has(a.approvedBy)) throw new Rejection('unknown_staff', `approved_by ${a.approvedBy} names nobody with a role in this store`);
  return a;
}
