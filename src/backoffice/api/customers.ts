// The Customers screen's calls: the searched list, one customer with its sales figures, create, edit
// and merge. Answers are parsed with the contract's schemas (api/client.ts).
import { strictContract } from '@ezo/contract/contract';
import { strictAdminLists, type CustomerQuery } from '@ezo/contract/admin-lists';
import type { CustomerCreate, CustomerPatch } from '@ezo/contract/admin';
import { apiRequest } from './client.ts';

const lists = strictAdminLists;
export const customerCreateSchema = strictContract.admin.customerCreate;
export const customerPatchSchema = strictContract.admin.customerPatch;
export const customerMergeSchema = lists.customerMerge;

export const listCustomers = (query: CustomerQuery, signal?: AbortSignal) =>
  apiRequest('GET', '/admin/customers', { schema: lists.customerPage, query: { ...query }, ...(signal === undefined ? {} : { signal }) });

export const getCustomer = (uuid: string) => apiRequest('GET', `/admin/customers/${encodeURIComponent(uuid)}`, { schema: lists.customerDetail });

export const createCustomer = (body: CustomerCreate) => apiRequest('POST', '/admin/customers', { schema: lists.adminCustomer, body });

export const updateCustomer = (uuid: string, body: CustomerPatch) =>
  apiRequest('PATCH', `/admin/customers/${encodeURIComponent(uuid)}`, { schema: lists.adminCustomer, body });

export const mergeCustomers = (survivor: string, duplicate: string) =>
  apiRequest('POST', `/admin/customers/${encodeURIComponent(survivor)}/merge`, { schema: lists.customerMerged, body: { duplicate_uuid: duplicate } });
