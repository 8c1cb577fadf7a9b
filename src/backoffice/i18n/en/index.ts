// The English catalog of the back office. It defines the set of keys: every other language must have
// exactly these (a type error otherwise, and catalogs.test.ts). One file per screen; a new screen adds
// its own file here and in every language.
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

export const en = { common, shell, signIn, catalog, customers, devices, stock, stores, staff, reports } as const;
