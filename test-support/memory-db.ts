// An in-memory SQLite for Node tests: the same wa-sqlite build and connection class the worker
// uses, minus OPFS. Repositories and the sync engine are tested on it, commit feed included
// (SqlConnection.onCommit, which the sync status follows). Each connection gets a wasm module of
// its own: wa-sqlite keeps one authorizer per module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import SQLiteESMFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import * as SQLite from '@journeyapps/wa-sqlite';
import { WaSqliteConnection } from '../src/db/wa-sqlite-connection.ts';
import { migrate } from '../src/db/migrate.ts';

const require = createRequire(import.meta.url);
let wasmBinary: Buffer | undefined;

/** A fresh, empty in-memory database. */
export async function openMemoryConnection(): Promise<WaSqliteConnection> {
  wasmBinary ??= readFileSync(require.resolve('@journeyapps/wa-sqlite/dist/wa-sqlite.wasm'));
  const module: unknown = await SQLiteESMFactory({ wasmBinary });
  const sqlite3 = SQLite.Factory(module);
  const db = await sqlite3.open_v2(':memory:');
  const connection = new WaSqliteConnection(sqlite3, db);
  await connection.exec('PRAGMA foreign_keys = ON');
  return connection;
}

/** A fresh in-memory database at the newest schema. */
export async function openMigratedMemoryDb(): Promise<WaSqliteConnection> {
  const connection = await openMemoryConnection();
  await migrate(connection);
  return connection;
}
