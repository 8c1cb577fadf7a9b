// The Stores screen's calls: a store with all its settings, and replacing them (PUT: all at once).
import { strictContract } from '@ezo/contract/contract';
import type { StoreSettingsPut } from '@ezo/contract/store-settings';
import { apiRequest } from './client.ts';

const { admin } = strictContract;
export const storeSettingsSchema = admin.storeSettingsPut;

export const getStore = (storeId: string) => apiRequest('GET', `/admin/stores/${encodeURIComponent(storeId)}`, { schema: admin.store });

export const saveStore = (storeId: string, body: StoreSettingsPut) =>
  apiRequest('PUT', `/admin/stores/${encodeURIComponent(storeId)}`, { schema: admin.store, body });
