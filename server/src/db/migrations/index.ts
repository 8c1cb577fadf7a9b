// Every migration in order; append new ones at the end, never edit an applied one.
import type { Migration } from './migration.ts';
import { initialMigration } from './001-initial.ts';
import { stockMovesMigration } from './002-stock-moves.ts';
import { productEditVersionsMigration } from './003-product-edit-versions.ts';
import { lineCatalogPriceMigration } from './004-line-catalog-price.ts';
import { storePricesMigration } from './005-store-prices.ts';
import { authFailuresMigration } from './006-auth-failures.ts';
import { customerStoresMigration } from './007-customer-stores.ts';
import { staffAndDevicesMigration } from './008-staff-and-devices.ts';
import { storeSettingsMigration } from './009-store-settings.ts';
import { backofficeListsMigration } from './010-backoffice-lists.ts';
import { backofficeSessionsMigration } from './011-backoffice-sessions.ts';

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  stockMovesMigration,
  productEditVersionsMigration,
  lineCatalogPriceMigration,
  storePricesMigration,
  authFailuresMigration,
  customerStoresMigration,
  staffAndDevicesMigration,
  storeSettingsMigration,
  backofficeListsMigration,
  backofficeSessionsMigration,
];
