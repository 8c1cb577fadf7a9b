// Starts the search worker (the app's database code timed from inside a worker) and hands its
// Comlink proxy to the runner as window.benchSearch.
import { wrap } from 'comlink';
import type { SearchWorkerApi } from '../shared/page-protocol.ts';

const worker = wrap<SearchWorkerApi>(new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'bench-search' }));

window.benchSearch = {
  load: (catalogSize, pendingSales) => worker.load(catalogSize, pendingSales),
  search: (queryCount, catalogSize) => worker.search(queryCount, catalogSize),
  close: () => worker.close(),
};
