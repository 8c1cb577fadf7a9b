// A store's lists: stock on hand and the adjustments journal (Stock screen), terminals (Devices screen).
import { strictAdminLists, type AdjustmentQuery, type StockQuery } from '@ezo/contract/admin-lists';
import { apiRequest } from './client.ts';

const lists = strictAdminLists;
const store = (storeId: string) => `/admin/stores/${encodeURIComponent(storeId)}`;

export const listStock = (storeId: string, query: StockQuery, signal?: AbortSignal) =>
  apiRequest('GET', `${store(storeId)}/stock`, { schema: lists.stockPage, query: { ...query }, ...(signal === undefined ? {} : { signal }) });

export const listAdjustments = (storeId: string, query: AdjustmentQuery, signal?: AbortSignal) =>
  apiRequest('GET', `${store(storeId)}/stock-adjustments`, { schema: lists.adjustmentPage, query: { ...query }, ...(signal === undefined ? {} : { signal }) });

export const listTerminals = (storeId: string) => apiRequest('GET', `${store(storeId)}/terminals`, { schema: lists.terminalList });
