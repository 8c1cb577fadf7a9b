// Embedded PostgreSQL (PGlite) for the zero-setup default and fast tests, run on a worker thread
// (pglite-worker.ts) so its wasm never blocks the hub's event loop: requests are accepted, parsed and
// answered while a batch is being stored. PGlite has one connection: its own lock serialises
// transactions, so the commit-order lock is never contended here. A transaction is a session on the
// worker, bound to that one connection until it commits or rolls back.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHANNEL_NAME, type Database, type NotificationHandlers, type Sql, type SqlParam } from './database.ts';
import { READY_ID, fromCrossingError, type PgliteArtifacts, type PgliteMessage, type PgliteRequest, type PgliteWorkerData, type WasmModule } from './pglite-protocol.ts';

const WORKER_ENTRY = new URL('./pglite-worker-entry.mjs', import.meta.url);

/** The WebAssembly global, which the hub's type libraries (ES2023 and Node 20's) do not declare. */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

let artifacts: Promise<PgliteArtifacts> | null = null;

/** PGlite's wasm, compiled once per process (off this thread), and its file-system bundle. */
function loadArtifacts(): Promise<PgliteArtifacts> {
  const load = async (): Promise<PgliteArtifacts> => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pglite, initdb, data] = await Promise.all(['pglite.wasm', 'initdb.wasm', 'pglite.data'].map((f) => readFile(join(dist, f))));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([wasm.compile(pglite!), wasm.compile(initdb!)]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([data!]) };
  };
  const loading = (artifacts ??= load());
  loading.catch(() => {
    if (artifacts === loading) artifacts = null; // a failed load is not kept
  });
  return loading;
}

/** A request without its id: the client numbers them. */
type Call = PgliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  // PGlite creates only the last folder of its path: make the parents (a fresh clone has no .data/).
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const worker = new Worker(WORKER_ENTRY, { workerData: { dataDir: dataDir ?? null, artifacts: await loadArtifacts() } satisfies PgliteWorkerData });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = READY_ID + 1;
  let dead: Error | null = null;

  // The thread keeps the process alive only while a call waits for it (as in-process PGlite kept
  // nothing alive): a script whose last query is answered can exit, one waiting for an answer cannot.
  const keepAlive = () => (pending.size > 0 ? worker.ref() : worker.unref());
  const settle = (id: number, outcome: { value: unknown } | { error: Error }) => {
    const waiter = pending.get(id);
    if (waiter === undefined) return;
    pending.delete(id);
    keepAlive();
    if ('error' in outcome) waiter.reject(outcome.error);
    else waiter.resolve(outcome.value);
  };
  const failAll = (err: Error) => {
    dead ??= err;
    for (const id of [...pending.keys()]) settle(id, { error: err });
  };
  /** Listeners per channel (PGlite's one connection never drops, so `missed` is never called). */
  const listeners = new Map<string, Set<NotificationHandlers>>();
  worker.on('message', (message: PgliteMessage) => {
    if ('notification' in message) {
      for (const handlers of listeners.get(message.notification) ?? []) handlers.notify(message.payload);
      return;
    }
    settle(message.id, message.ok ? { value: message.value } : { error: fromCrossingError(message.error) });
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`the PGlite worker thread exited (code ${code})`)));

  const wait = (id: number) =>
    new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      keepAlive();
    });
  const call = (request: Call): Promise<unknown> => {
    if (dead !== null) return Promise.reject(dead);
    const id = nextId++;
    const answer = wait(id);
    worker.postMessage({ ...request, id });
    return answer;
  };

  try {
    await wait(READY_ID);
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  const sql = (session: number | null): Sql => ({
    query: async <R>(text: string, params: readonly SqlParam[] = []) => (await call({ op: 'query', session, text, params: params.map(compact) })) as R[],
  });
  const base = sql(null);
  let closing: Promise<void> | null = null;
  return {
    kind: 'pglite',
    query: base.query,
    async transaction(fn) {
      const session = (await call({ op: 'begin' })) as number;
      let value;
      try {
        value = await fn(sql(session));
      } catch (err) {
        await call({ op: 'rollback', session }).catch(() => undefined);
        throw err;
      }
      await call({ op: 'commit', session });
      return value;
    },
    exec: async (script) => {
      await call({ op: 'exec', script });
    },
    async listen(channel, handlers) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
      let set = listeners.get(channel);
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
        await call({ op: 'listen', channel });
      }
      set.add(handlers);
      return async () => {
        const current = listeners.get(channel);
        if (current === undefined || !current.delete(handlers) || current.size > 0) return;
        listeners.delete(channel);
        if (dead === null) await call({ op: 'unlisten', channel });
      };
    },
    // One connection: busy while any call is answered, and every call after the first waits its turn.
    poolStats: () => ({ total: 1, idle: pending.size === 0 ? 1 : 0, waiting: Math.max(0, pending.size - 1) }),
    close: () =>
      (closing ??= (async () => {
        const closed = call({ op: 'close' });
        dead ??= new Error('the database is closed');
        try {
          await closed;
        } finally {
          await worker.terminate();
        }
      })()),
  };
}

/**
 * A byte view is cloned with its whole backing buffer: a 32-byte token hash cut from Node's shared
 * 8 KiB Buffer pool would cross as 8 KiB. Such views cross as copies of just their bytes.
 */
function compact(param: SqlParam): SqlParam {
  return param instanceof Uint8Array && param.byteLength !== param.buffer.byteLength ? new Uint8Array(param) : param;
}
