// The German catalog: the same keys as the English one (Catalog), checked by the type.
import type { Catalog } from '../messages.ts';
import { common } from './common.ts';
import { shell } from './shell.ts';
import { signIn } from './sign-in.ts';
import { catalog } from './catalog.ts';
import { customers } from './customers.ts';
import { devices } from './devices.ts';
import { stock } from './stock.ts';
import { stores } from './stores.ts';
import { staff } from './staff.ts';
import { reports } from './reports.ts';

export const de: Catalog = { common, shell, signIn, catalog, customers, devices, stock, stores, staff, reports };
