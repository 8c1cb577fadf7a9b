// Who made an item (protocol 2): every sale, stock adjustment and product edit names the staff member
// signed in on the till, and the manager who approved it when the member lacked the permission. The
// device is not in the payload: the hub knows it from the credential the batch came with.
//
// staff_id is optional on the wire for one reason: items a till recorded before it was updated to
// protocol 2 name nobody, and they must still go through after the update (the hub stores them with
// staff NULL, as it does protocol 1 items). A till of protocol 2 records nothing without a signed-in
// member (src/db/staff/staff-session.ts), so every item made after the update names one.
import { Uuid } from './primitives.ts';

export const staffAttribution = {
  staff_id: Uuid.optional().describe('The staff member signed in on the till when the item was made; absent only on items recorded before the till was updated to protocol 2.'),
  approved_by: Uuid.nullable()
    .optional()
    .describe('The manager who approved, with their PIN, an action the signed-in member lacked the permission for; null or absent when none.'),
};
