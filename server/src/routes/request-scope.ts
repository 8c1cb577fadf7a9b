// The stores the caller of an admin route may see. Until back-office sessions exist every caller holds
// the admin token, which sees every store.
import type { FastifyRequest } from 'fastify';
import { ALL_STORES, type StoreScope } from '../http/store-scope.ts';

export function scopeOf(_request: FastifyRequest): StoreScope {
  return ALL_STORES;
}
