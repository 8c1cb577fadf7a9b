// Starts the two baseline workers and hands their Comlink proxies to the runner as window.benchBaselines.
import { wrap } from 'comlink';
import type { FloorApi, IdbApi } from '../shared/page-protocol.ts';

const floor = wrap<FloorApi>(new Worker(new URL('./floor-worker.ts', import.meta.url), { type: 'module', name: 'bench-floor' }));
const idb = wrap<IdbApi>(new Worker(new URL('./idb-worker.ts', import.meta.url), { type: 'module', name: 'bench-idb' }));

window.benchBaselines = {
  floor: {
    smallTransactions: (count) => floor.smallTransactions(count),
    plainSmallTransactions: (count) => floor.plainSmallTransactions(count),
    tempFileSmallTransactions: (count) => floor.tempFileSmallTransactions(count),
    bulkInsert: (total) => floor.bulkInsert(total),
    plainBulkInsert: (total) => floor.plainBulkInsert(total),
    search: (queryCount) => floor.search(queryCount),
    wasmMemoryBytes: () => floor.wasmMemoryBytes(),
    close: () => floor.close(),
  },
  idb: {
    smallTransactions: (count) => idb.smallTransactions(count),
    bulkPut: (total) => idb.bulkPut(total),
    search: (queryCount) => idb.search(queryCount),
    close: () => idb.close(),
  },
};
