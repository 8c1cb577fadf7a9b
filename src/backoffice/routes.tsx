// The sections of the back office: one line each (path under /backoffice/, the nav label's key, the
// permission the section needs in at least one store, and its screen, loaded when first opened). A
// helper building a section replaces its line's `screen` with its own lazy import.
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import type { Permission } from '@ezo/contract/staff';
import type { BackOfficeKey } from './i18n/messages.ts';

export { BASE_PATH, sectionUrl } from './paths.ts';

export interface Section {
  /** Below BASE_PATH, without slashes ('catalog'); the screen gets everything after it as `rest`. */
  path: string;
  label: BackOfficeKey;
  /** Needed in at least one store to see the section (undefined: everyone signed in). */
  permission: Permission | undefined;
  screen: ComponentType<{ title: string }>;
}

const customers = lazy(() => import('./screens/customers/customers-screen.tsx'));
const stores = lazy(() => import('./screens/stores/stores-screen.tsx'));
const staff = lazy(() => import('./screens/staff/staff-screen.tsx'));
const stock = lazy(() => import('./screens/stock/stock-screen.tsx'));
const devices = lazy(() => import('./screens/devices/devices-screen.tsx'));
const reports = lazy(() => import('./screens/reports/reports-screen.tsx'));

export const SECTIONS: readonly Section[] = [
  { path: 'catalog', label: 'shell.screens.catalog', permission: 'manage_catalog', screen: lazy(() => import('./screens/catalog/catalog-screen.tsx')) },
  { path: 'customers', label: 'shell.screens.customers', permission: undefined, screen: customers },
  { path: 'stores', label: 'shell.screens.stores', permission: undefined, screen: stores },
  { path: 'devices', label: 'shell.screens.devices', permission: 'manage_devices', screen: devices },
  { path: 'staff', label: 'shell.screens.staff', permission: 'manage_staff', screen: staff },
  { path: 'stock', label: 'shell.screens.stock', permission: undefined, screen: stock },
  { path: 'reports', label: 'shell.screens.reports', permission: 'view_reports', screen: reports },
];

