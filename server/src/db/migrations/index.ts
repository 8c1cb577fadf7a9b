// Every migration in order; append new ones at the end, never edit an applied one.
import type { Migration } from './migration';
import { initialMigration } from './001-initial';

export const MIGRATIONS: readonly Migration[] = [initialMigration];
