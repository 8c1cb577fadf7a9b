// The hub's embedded PostgreSQL on a thread of its own. PGlite runs each statement synchronously in
// wasm; on the hub's thread that stalled every request (new connections were accepted about one per
// statement, ~190 ms apart with 50 terminals). Here it blocks only this thread. PGlite has one
// connection and queues callers itself: a statement outside a transaction waits for the open one,
// a second `begin` waits for the first session to end. Messages: pglite-protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { READY_ID, toCrossingError, type PgliteMessage, type PgliteRequest, type PgliteWorkerData } from './pglite-protocol.ts';

interface Session {
  tx: Transaction;
  /** Commits (true) or rolls back, and settles when PGlite has ended the transaction. */
  end(commit: boolean): Promise<void>;
}

/** The rejection that makes PGlite's transaction() roll back when the hub's side asks for it. */
const ROLL_BACK = new Error('rolled back at the hub thread\'s request');

const port = parentPort;
if (port === null) throw new Error('pglite-worker.ts runs as a worker thread (see pglite-database.ts)');
const { dataDir, artifacts } = workerData as PgliteWorkerData;
// pg_trgm: the back office's "any part of" searches use trigram indexes (migration 020), as on PostgreSQL.
const pg = new PGlite({ ...(dataDir === null ? {} : { dataDir }), ...artifacts, extensions: { pg_trgm } });
const sessions = new Map<number, Session>();
let nextSession = 1;
/** The channels the hub's thread LISTENs on, and how to stop each. */
const listening = new Map<string, () => Promise<void>>();

const reply = (message: PgliteMessage) => port.postMessage(message);

async function begin(): Promise<number> {
  let decide: (commit: boolean) => void = () => {};
  const decided = new Promise<boolean>((resolve) => (decide = resolve));
  let opened: (tx: Transaction) => void = () => {};
  const open = new Promise<Transaction>((resolve) => (opened = resolve));
  const finished = pg.transaction(async (tx) => {
    opened(tx);
    if (!(await decided)) throw ROLL_BACK;
  });
  // BEGIN itself can fail (PGlite closing): then `finished` rejects before the transaction opens.
  const tx = await Promise.race([open, finished.then(() => Promise.reject(new Error('the transaction ended before it opened')))]);
  const id = nextSession++;
  sessions.set(id, {
    tx,
    async end(commit) {
      sessions.delete(id);
      decide(commit);
      try {
        await finished;
      } catch (err) {
        if (err !== ROLL_BACK) throw err;
      }
    },
  });
  return id;
}

function session(id: number): Session {
  const s = sessions.get(id);
  if (s === undefined) throw new Error(`no open transaction ${id} (it was committed or rolled back already)`);
  return s;
}

async function handle(request: PgliteRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const target = request.session === null ? pg : session(request.session).tx;
      return (await target.query(request.text, request.params as unknown[])).rows;
    }
    case 'exec':
      await pg.exec(request.script);
      return null;
    case 'begin':
      return begin();
    case 'commit':
      await session(request.session).end(true);
      return null;
    case 'rollback':
      await session(request.session).end(false);
      return null;
    case 'listen':
      // PGlite delivers a NOTIFY after the statement that committed it, on its one connection.
      if (!listening.has(request.channel)) {
        const channel = request.channel;
        listening.set(channel, await pg.listen(channel, (payload) => reply({ notification: channel, payload })));
      }
      return null;
    case 'unlisten':
      await listening.get(request.channel)?.();
      listening.delete(request.channel);
      return null;
    case 'close':
      // A session left open would keep close() waiting for PGlite's transaction lock forever.
      for (const s of [...sessions.values()]) await s.end(false).catch(() => undefined);
      await pg.close();
      return null;
  }
}

port.on('message', (request: PgliteRequest) => {
  handle(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (err: unknown) => reply({ id: request.id, ok: false, error: toCrossingError(err) }),
  );
});

pg.waitReady.then(
  () => reply({ id: READY_ID, ok: true, value: null }),
  (err: unknown) => reply({ id: READY_ID, ok: false, error: toCrossingError(err) }),
);
