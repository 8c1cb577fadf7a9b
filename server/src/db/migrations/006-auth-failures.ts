// Failed authentication per client address, shared by every hub instance on this database, so N
// instances behind a balancer still allow an address only AUTH_THROTTLE's failures per window
// (auth/auth-throttle.ts). Rows expire with their window and are swept.
import type { Migration } from './migration.ts';

export const authFailuresMigration: Migration = {
  version: 6,
  statements: [
    `CREATE TABLE auth_failures (
       address text PRIMARY KEY,
       window_start timestamptz NOT NULL,
       failures int NOT NULL
     )`,
    `CREATE INDEX auth_failures_by_window ON auth_failures (window_start)`,
  ],
};
