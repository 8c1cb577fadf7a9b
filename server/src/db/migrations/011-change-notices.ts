// Live notices (issue 19): every committed versioned write tells the listening hub instances "store S
// (or the whole chain) changed up to version V" through PostgreSQL's NOTIFY, which is delivered at
// COMMIT and never for a rolled-back transaction, to every instance LISTENing on the channel.
// Triggers, not calls at each writer: every path that stamps a version (admin routes, upstream ingest,
// stock folding, staff changes, seeding, and the back office's writers to come) notifies without
// having to remember to. Statement-level with a transition table: one NOTIFY per statement and scope
// (a 10,000-row import is one notice, not 10,000), carrying the highest version the statement stamped
// for that scope, so the till of a store never waits for a version it will not see.
// Payload: '<scope> <version>', scope '*' for chain-wide rows or a store's uuid; see live/change-channel.ts.
import type { Migration } from './migration.ts';

/** The scope of a table's rows: a chain-wide table, or the column naming the store. */
const TABLES: readonly { table: string; scope: string }[] = [
  { table: 'categories', scope: `'*'` },
  { table: 'products', scope: `'*'` },
  // A customer of one store is seen by the other stores' tills only when the chain shares customers
  // (customer-visibility.ts): a notice to its own store is enough when it does not; when it does, '*'.
  { table: 'customers', scope: `CASE WHEN store_id IS NULL OR (SELECT share_customers FROM chain_settings) THEN '*' ELSE store_id::text END` },
  { table: 'stock', scope: 'store_id::text' },
  { table: 'store_prices', scope: 'store_id::text' },
  { table: 'staff_store_roles', scope: 'store_id::text' },
  // A store's settings (migration 010), pulled by that store's tills only.
  { table: 'stores', scope: 'id::text' },
];

const notifyFunction = (table: string, scope: string) => `CREATE FUNCTION ezo_notify_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT ${scope} AS scope, max(version) AS version FROM changed GROUP BY 1 LOOP
      PERFORM pg_notify('ezo_changes', r.scope || ' ' || r.version::text);
    END LOOP;
    RETURN NULL;
  END $$`;

export const changeNoticesMigration: Migration = {
  version: 11,
  statements: TABLES.flatMap(({ table, scope }) => [
    notifyFunction(table, scope),
    // Two triggers: a trigger with a transition table may fire on one event only.
    `CREATE TRIGGER ${table}_notify_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ezo_notify_${table}()`,
    `CREATE TRIGGER ${table}_notify_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ezo_notify_${table}()`,
  ]),
};
