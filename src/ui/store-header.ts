// The store's header on receipts and Z reports: shared with the back office's reprints, so it lives in
// src/print/store-header.ts.
export { storeHeaderOf, type StoreHeader } from '../print/store-header.ts';
