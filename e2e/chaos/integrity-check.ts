// PRAGMA integrity_check on a copy of the till's database in Node: the same wa-sqlite build the
// till runs, over an in-memory VFS preloaded with the copied files. The WAL is replayed exactly as
// the till replays it on reopen (exclusive locking: OPFS has no shared memory).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import SQLiteESMFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import * as SQLite from '@journeyapps/wa-sqlite';
import { DATABASE_FILE } from '../support/till-page.ts';
import type { DatabaseFiles } from './database-snapshot.ts';

const require = createRequire(import.meta.url);
/** wa-sqlite ships this VFS without type declarations; it is loaded by name. */
const MEMORY_VFS_MODULE = '@journeyapps/wa-sqlite/src/examples/MemoryVFS.js';

interface MemoryFile {
  pathname: string;
  flags: number;
  size: number;
  data: ArrayBuffer;
}
interface MemoryVfs extends SQLiteVFS {
  mapNameToFile: Map<string, MemoryFile>;
}

export interface SnapshotCheck {
  /** integrity_check's rows: ['ok'] when the database is sound. */
  result: string[];
  sales: number;
  /** Sales with a queue row (their outbox row commits with them). */
  queued: number;
  /** Sales without lines, or whose payments do not add up to the total: a half-written sale. */
  incomplete: number;
}

/** The rows integrity_check returns (['ok'] when the database is sound), and the sales it holds. */
export async function integrityCheck(files: DatabaseFiles): Promise<SnapshotCheck> {
  if (!files.has(DATABASE_FILE)) throw new Error(`the snapshot has no ${DATABASE_FILE} (files: ${[...files.keys()].join(', ')})`);
  const wasmBinary = readFileSync(require.resolve('@journeyapps/wa-sqlite/dist/wa-sqlite.wasm'));
  const module: unknown = await SQLiteESMFactory({ wasmBinary });
  const sqlite3 = SQLite.Factory(module);
  const { MemoryVFS } = (await import(MEMORY_VFS_MODULE)) as { MemoryVFS: { create(name: string, module: unknown): Promise<MemoryVfs> } };
  const vfs = await MemoryVFS.create('chaos-snapshot', module);
  sqlite3.vfs_register(vfs, false);
  for (const [name, bytes] of files) {
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    vfs.mapNameToFile.set(`/${name}`, { pathname: `/${name}`, flags: SQLite.SQLITE_OPEN_READWRITE, size: bytes.byteLength, data });
  }
  const db = await sqlite3.open_v2(DATABASE_FILE, SQLite.SQLITE_OPEN_READWRITE, 'chaos-snapshot');
  try {
    const rows = async (sql: string): Promise<unknown[][]> => {
      const out: unknown[][] = [];
      await sqlite3.exec(db, sql, (row) => void out.push(row));
      return out;
    };
    await rows('PRAGMA locking_mode = EXCLUSIVE');
    const result = (await rows('PRAGMA integrity_check')).map((r) => String(r[0]));
    const sales = Number((await rows('SELECT count(*) FROM sales'))[0]?.[0]);
    const queued = Number((await rows(`SELECT count(*) FROM sales s WHERE EXISTS (SELECT 1 FROM sync_queue q WHERE q.entity_type = 'Sale' AND q.idempotency_key = s.uuid)`))[0]?.[0]);
    const incomplete = Number(
      (await rows(`SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id)
                     OR s.total <> (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.sale_id = s.id)`))[0]?.[0],
    );
    return { result, sales, queued, incomplete };
  } finally {
    await sqlite3.close(db);
  }
}
