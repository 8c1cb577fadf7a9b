// Every migration in order. Append only; never edit one that has shipped.
import type { Migration } from '../migration.ts';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-product-hub-versions.ts';
import { migration003 } from './003-queue-transient-failures.ts';
import { migration004 } from './004-fts-prefix-index.ts';
import { migration005 } from './005-pending-product-edits-index.ts';
import { migration006 } from './006-customer-search.ts';
import { migration007 } from './007-draft-cart.ts';
import { migration008 } from './008-staff.ts';
import { migration009 } from './009-counter-and-shifts.ts';
import { migration010 } from './010-pull-staff-after-update.ts';
import { migration011 } from './011-store-settings.ts';
import { migration012 } from './012-shift-uploads.ts';
import { migration013 } from './013-open-queue-rows-not-sales.ts';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013];

export const SCHEMA_VERSION = MIGRATIONS.length;
