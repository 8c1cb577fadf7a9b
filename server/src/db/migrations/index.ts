// Every migration in order; append new ones at the end, never edit an applied one.
import type { Migration } from './migration';
import { initialMigration } from './001-initial';
import { stockMovesMigration } from './002-stock-moves';
import { productEditVersionsMigration } from './003-product-edit-versions';

export const MIGRATIONS: readonly Migration[] = [initialMigration, stockMovesMigration, productEditVersionsMigration];
