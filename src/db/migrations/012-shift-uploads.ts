// Schema v11: closed shifts go to the hub (protocol 3). `shift_uploads` holds one row per closed shift
// whose record was put in the outbox, written in the same transaction as the queue row, so each shift
// is queued exactly once however often the check runs (the queue's own rows are pruned once
// acknowledged, so they cannot tell). Shifts closed before this update are queued by the same check
// (src/db/repos/shift-record.ts, queueUnsentShifts) when the till is next started, or a shift opened or
// closed, while paired; a shift closed before schema v9 has no Z number and stays local.
// sync_queue takes a fourth entity type, 'Shift': SQLite cannot change a CHECK, so the table is rebuilt
// (new table, rows copied with their ids, old dropped, new renamed, indexes made again; nothing
// references it), in this migration's one transaction.
// drawer_opens gets its index: a Z report counts the openings of its shift.
import type { Migration } from '../migration.ts';

export const migration012: Migration = {
  version: 12,
  name: 'shift uploads',
  sql: `
CREATE TABLE shift_uploads (
  shift_uuid TEXT PRIMARY KEY REFERENCES shifts (uuid),
  queued_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER shift_uploads_no_update BEFORE UPDATE ON shift_uploads BEGIN SELECT RAISE(ABORT, 'shift uploads are append-only'); END;
CREATE TRIGGER shift_uploads_no_delete BEFORE DELETE ON shift_uploads BEGIN SELECT RAISE(ABORT, 'shift uploads are append-only'); END;
CREATE INDEX drawer_opens_shift ON drawer_opens (shift_uuid);

CREATE TABLE sync_queue_v11 (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('Sale', 'Product', 'Adjustment', 'Shift')),
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
  payload TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),
  retry_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  completed_at TEXT,
  failed_transient INTEGER NOT NULL DEFAULT 0 CHECK (failed_transient IN (0, 1))
);
INSERT INTO sync_queue_v11 (id, entity_type, entity_id, action, payload, status, retry_count, created_at, idempotency_key, next_attempt_at, last_error, completed_at, failed_transient)
  SELECT id, entity_type, entity_id, action, payload, status, retry_count, created_at, idempotency_key, next_attempt_at, last_error, completed_at, failed_transient FROM sync_queue;
DROP TABLE sync_queue;
ALTER TABLE sync_queue_v11 RENAME TO sync_queue;
CREATE INDEX sync_queue_due ON sync_queue (status, next_attempt_at, id);
CREATE INDEX sync_queue_pending_product_edits ON sync_queue (entity_id) WHERE status = 0 AND entity_type = 'Product';
`,
};
