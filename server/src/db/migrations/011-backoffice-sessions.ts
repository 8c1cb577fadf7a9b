// Back-office sessions (issue 19): one row per signed-in browser, keyed by the SHA-256 of the session id
// (the cookie holds the id; the table alone cannot be replayed). Every hub instance reads the same rows,
// so a session works behind a balancer and a sign-out ends it everywhere. Idle and absolute expiry are
// checked on every request (auth/sessions.ts); expired rows are swept.
import type { Migration } from './migration.ts';

export const backofficeSessionsMigration: Migration = {
  version: 11,
  statements: [
    `CREATE TABLE backoffice_sessions (
       id_hash bytea PRIMARY KEY,
       staff_id uuid NOT NULL REFERENCES staff(id),
       created_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX backoffice_sessions_by_staff ON backoffice_sessions (staff_id)`,
    `CREATE INDEX backoffice_sessions_by_expiry ON backoffice_sessions (expires_at)`,
  ],
};
