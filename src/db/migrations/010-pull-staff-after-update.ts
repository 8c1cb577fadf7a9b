// Schema v10: a till that was paired before protocol 2 holds a pull cursor past the hub's staff rows (a
// protocol 1 till ignored the `staff` key of the pages it applied), so after the update it would never
// receive its store's staff and no one could sign in. Forgetting the cursor makes the next pull start
// from the beginning: every row is applied again (idempotent upserts, as after a lost acknowledgement);
// last_pull_at stays, so this is an ordinary pull, not a first sync into an empty catalog. A till paired
// after the update pulls from scratch anyway, so it loses nothing but one full pull.
import type { Migration } from '../migration.ts';

export const migration010: Migration = {
  version: 10,
  name: 'pull-staff-after-update',
  sql: `UPDATE sync_state SET cursor = NULL WHERE id = 1;`,
};
