// The messages between the hub's thread and the PGlite worker thread (pglite-worker.ts). A transaction
// is a session: `begin` opens one on the worker's single PGlite connection and answers its id, queries
// name it, `commit`/`rollback` end it. Errors cross as plain data with their PostgreSQL fields (`code`
// above all: the error mapping and ingest's savepoints branch on it) and are rebuilt as Errors here.
// Parameters and rows cross by structured clone, which keeps Dates, byte arrays, bigints, arrays and
// plain objects as they are: parameters must be plain data (a class instance's toJSON would be lost).
import type { SqlParam } from './database.ts';

export interface PgliteWorkerData {
  /** PGlite's data directory, or null for an in-memory database. */
  dataDir: string | null;
  /**
   * PGlite's wasm compiled once per process and its file-system bundle, shared with every worker:
   * in-process PGlite caches the compiled module for later instances, a worker thread would compile
   * it afresh each time (the test suites open a hub per file).
   */
  artifacts: PgliteArtifacts;
}

/** A compiled WebAssembly.Module (opaque here: the hub's type libraries do not declare WebAssembly). */
export type WasmModule = object;

export interface PgliteArtifacts {
  pgliteWasmModule: WasmModule;
  initdbWasmModule: WasmModule;
  fsBundle: Blob;
}

export type PgliteRequest =
  | { id: number; op: 'query'; session: number | null; text: string; params: readonly SqlParam[] }
  | { id: number; op: 'exec'; script: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; session: number }
  | { id: number; op: 'close' }
  | { id: number; op: 'listen' | 'unlisten'; channel: string };

/** Request id 0 is the worker's first message: PGlite is ready, or failed to open. */
export const READY_ID = 0;

export type PgliteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: CrossingError };

/** A NOTIFY on a channel the hub's thread LISTENs on, sent by the worker unasked (no request id). */
export interface PgliteNotification {
  notification: string;
  payload: string;
}

export type PgliteMessage = PgliteReply | PgliteNotification;

/** An Error as data: structured clone keeps only an Error's message and stack, not PostgreSQL's fields. */
export interface CrossingError {
  name: string;
  message: string;
  stack: string | undefined;
  /** The error's own primitive fields (code, detail, constraint, table, severity, ...). */
  fields: Record<string, string | number | boolean>;
}

/**
 * Fields left behind: PGlite attaches the statement's parameters, which can hold token hashes, and
 * the query options; neither is needed to handle the error, and secrets must not reach a log.
 */
const WITHHELD = new Set(['params', 'queryOptions']);

export function toCrossingError(err: unknown): CrossingError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), stack: undefined, fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(err)) {
    if (WITHHELD.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

export function fromCrossingError(data: CrossingError): Error {
  const err = new Error(data.message);
  Object.assign(err, data.fields);
  err.name = data.name;
  if (data.stack !== undefined) err.stack = data.stack;
  return err;
}
