// Names of the performance marks a cold start leaves, in the page and in the database worker, so a
// profile or the benchmark (bench/sections/ui.ts) can say where the time to a usable till goes.
// A mark is a timestamp in the context's own timeline and nothing else: no behaviour hangs on them.

export const BOOT_MARKS = {
  /** Page: the till's module started running (the shell came from the network or the service worker). */
  script: 'ezo:boot:script',
  /** Worker: SQLite's wasm compiled and instantiated, the VFS registered. */
  wasm: 'ezo:boot:wasm',
  /** Worker: the database file opened with its pragmas. */
  opened: 'ezo:boot:opened',
  /** Worker: migrations done. */
  migrated: 'ezo:boot:migrated',
  /** Page: this tab owns the database (the worker answered start()). */
  owner: 'ezo:boot:owner',
  /** Page: the first page of the product grid came back from the worker. */
  firstQuery: 'ezo:boot:first-query',
} as const;

export type BootMark = (typeof BOOT_MARKS)[keyof typeof BOOT_MARKS];

/** Records the mark once per context (later calls are ignored: the first start is what counts). */
export function bootMark(name: BootMark): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
