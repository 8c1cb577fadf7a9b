// Every migration in order; append new ones at the end, never edit an applied one.
import type { Migration } from './migration.ts';
import { initialMigration } from './001-initial.ts';
import { stockMovesMigration } from './002-stock-moves.ts';
import { productEditVersionsMigration } from './003-product-edit-versions.ts';
import { staffAndDevicesMigration } from './004-staff-and-devices.ts';

export const MIGRATIONS: readonly Migration[] = [initialMigration, stockMovesMigration, productEditVersionsMigration, staffAndDevicesMigration];
