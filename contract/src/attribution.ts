// Who made an item (protocol 2): every sale, stock adjustment and product edit names the staff member
// signed in on the till, and the manager who approved it when the member lacked the permission. The
// device is not in the payload: the hub knows it from the credential the batch came with.
import { Uuid } from './primitives.ts';

export const staffAttribution = {
  staff_id: Uuid.describe('The staff member signed in on the till when the item was made.'),
  approved_by: Uuid.nullable()
    .optional()
    .describe('The manager who approved, with their PIN, an action the signed-in member lacked the permission for; null or absent when none.'),
};
