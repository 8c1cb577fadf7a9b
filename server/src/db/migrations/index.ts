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
import { rateLimitsMigration } from './009-rate-limits.ts';
import { storeSettingsMigration } from './010-store-settings.ts';
import { changeNoticesMigration } from './011-change-notices.ts';
import { shiftsMigration } from './012-shifts.ts';
import { reportSummariesMigration } from './013-report-summaries.ts';
import { backofficeSessionsMigration } from './014-backoffice-sessions.ts';
import { catalogBackofficeMigration } from './015-catalog-backoffice.ts';
import { backofficeListsMigration } from './016-backoffice-lists.ts';
import { shiftSaleDaysMigration } from './017-shift-sale-days.ts';
import { storeSettingsPermissionMigration } from './018-store-settings-permission.ts';
import { shiftPrintSnapshotMigration } from './019-shift-print-snapshot.ts';
import { listSortIndexesMigration } from './020-list-sort-indexes.ts';
import { productMonthsMigration } from './021-product-months.ts';
import { reportProductMovesMigration } from './022-report-product-moves.ts';

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  stockMovesMigration,
  productEditVersionsMigration,
  lineCatalogPriceMigration,
  storePricesMigration,
  authFailuresMigration,
  customerStoresMigration,
  staffAndDevicesMigration,
  rateLimitsMigration,
  storeSettingsMigration,
  changeNoticesMigration,
  shiftsMigration,
  reportSummariesMigration,
  backofficeSessionsMigration,
  catalogBackofficeMigration,
  backofficeListsMigration,
  shiftSaleDaysMigration,
  storeSettingsPermissionMigration,
  shiftPrintSnapshotMigration,
  listSortIndexesMigration,
  productMonthsMigration,
  reportProductMovesMigration,
];
