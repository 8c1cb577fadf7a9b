// The English catalog. It defines the set of keys: every other language must have exactly these
// (a type error otherwise, see ../messages.ts, and the catalog test checks plurals and placeholders).
// Grouped per screen or feature; a new screen adds its own file here and in every language.
import { boot } from './boot.ts';
import { common } from './common.ts';
import { customer } from './customer.ts';
import { errors } from './errors.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { payment } from './payment.ts';
import { receipt } from './receipt.ts';
import { sell } from './sell.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';
import { shift } from './shift.ts';
import { staff } from './staff.ts';
import { stock } from './stock.ts';
import { storage } from './storage.ts';
import { sync } from './sync.ts';

export const en = { common, boot, shell, help, sell, payment, customer, history, receipt, shift, staff, stock, settings, storage, sync, errors } as const;
