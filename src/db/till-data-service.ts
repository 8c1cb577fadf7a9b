// The till's data service: catalog, selling, history, refunds, shifts and stock over the worker's
// open SQLite connection. Each method is one small repository call (src/db/repos/); every write
// that the hub must learn about is queued in the same transaction as the record itself.
import type { SqlConnection } from '../sync/sql-connection.ts';
import type { TillDataApi, TillDataDeps } from '../api/service-parts.ts';
import { categories, productByBarcode, products } from './repos/catalog-queries.ts';
import { searchProducts } from './repos/product-search.ts';
import { searchCustomers } from './repos/customers.ts';
import { recordSale } from './repos/record-sale.ts';
import { draftCart, saveDraftCart } from './repos/draft-cart.ts';
import { saleDetail } from './repos/sale-detail.ts';
import { sales } from './repos/sale-history.ts';
import { recordRefund, refundableLines } from './repos/refunds.ts';
import { cashMoves, closedShifts, closeShift, currentShift, openDrawer, openShift, recordCashMove, shiftPreview, zReport } from './repos/shifts.ts';
import { parkCart, parkedCarts, resumeParked } from './repos/parked-carts.ts';
import { adjustStock, stock } from './repos/stock.ts';

export function createTillDataService(db: SqlConnection, deps: TillDataDeps): TillDataApi {
  return {
    categories: () => categories(db),
    products: (query) => products(db, query),
    searchProducts: (text, limit) => searchProducts(db, text, limit),
    productByBarcode: (code) => productByBarcode(db, code),
    searchCustomers: (text, limit) => searchCustomers(db, text, limit),
    draftCart: () => draftCart(db),
    saveDraftCart: (cart) => saveDraftCart(db, deps, cart),
    recordSale: (draft) => recordSale(db, deps, draft),
    sale: (uuid) => saleDetail(db, uuid),
    sales: (query) => sales(db, query),
    refundableLines: (saleUuid) => refundableLines(db, saleUuid),
    recordRefund: (draft) => recordRefund(db, deps, draft),
    currentShift: () => currentShift(db),
    openShift: (openingFloat) => openShift(db, deps, openingFloat),
    closeShift: (close) => closeShift(db, deps, close),
    recordCashMove: (move) => recordCashMove(db, deps, move),
    openDrawer: () => openDrawer(db, deps),
    cashMoves: () => cashMoves(db),
    shiftPreview: () => shiftPreview(db, deps),
    closedShifts: (limit) => closedShifts(db, limit),
    zReport: (uuid) => zReport(db, uuid),
    parkCart: (cart, label) => parkCart(db, deps, cart, label),
    parkedCarts: () => parkedCarts(db),
    resumeParked: (uuid) => resumeParked(db, uuid),
    stock: (query) => stock(db, query),
    adjustStock: (input) => adjustStock(db, deps, input),
  };
}
