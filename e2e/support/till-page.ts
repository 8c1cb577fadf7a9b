// Opening the till in a page and reading what it shows about the database: the boot state main.tsx
// puts on #app, and the database file in the page's OPFS.
import { expect, type Page } from '@playwright/test';
import { TEST_STAFF } from '../../server/src/testing/test-server.ts';

export type TillState = 'loading' | 'starting' | 'owner' | 'elsewhere' | 'moved' | 'failed';

/** The till's database file name (src/db/open-database.ts DATABASE_NAME). */
export const DATABASE_FILE = 'ezo-till.sqlite3';
/** A cold start loads the wasm, opens OPFS and migrates. */
const BOOT_TIMEOUT_MS = 30_000;

export function tillState(page: Page): Promise<string | null> {
  return page.locator('#app').getAttribute('data-till-state');
}

export async function expectTillState(page: Page, state: TillState): Promise<void> {
  await expect(page.locator('#app')).toHaveAttribute('data-till-state', state, { timeout: BOOT_TIMEOUT_MS });
}

/** The seeded staff of the test hub (server/src/testing/test-server.ts TEST_STAFF, names from the demo seed). */
export const STAFF = {
  cashier: { name: 'Chris Cashier', pin: TEST_STAFF.cashier.pin },
  manager: { name: 'Maria Manager', pin: TEST_STAFF.manager.pin },
} as const;

/**
 * Signs a staff member in on the lock screen: taps the name, types the PIN (the keyboard's digits),
 * signs in. Language-independent: the name button and the PIN field are found by role and type.
 */
export async function signIn(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.locator('main.lock-screen').getByRole('button', { name: who.name, exact: true }).click({ timeout: BOOT_TIMEOUT_MS });
  await signInWithPin(page, who.pin);
}

/** Types the PIN of the member already chosen on the lock screen and signs in. */
export async function signInWithPin(page: Page, pin: string): Promise<void> {
  const lock = page.locator('main.lock-screen');
  await lock.locator('input.pin-input').fill(pin);
  await lock.locator('form.pin-entry button[type="submit"]').click();
}

/**
 * The till is usable: this page owns the database and the paired shell shows its screens (in any
 * language). A till that starts locked (every start does: the session lives in the worker) is signed
 * in as the manager, who holds every till permission, so suites about other things need no approvals.
 */
export async function expectTillReady(page: Page, who: { name: string; pin: string } = STAFF.manager): Promise<void> {
  await expectTillState(page, 'owner');
  const nav = page.getByRole('navigation');
  const lock = page.locator('main.lock-screen');
  await expect(nav.or(lock)).toBeVisible({ timeout: BOOT_TIMEOUT_MS });
  if (await lock.isVisible()) await signIn(page, who);
  await expect(nav).toBeVisible({ timeout: BOOT_TIMEOUT_MS });
}

/** Opens the app at `/` and waits until it is ready to sell. */
export async function openTill(page: Page): Promise<Page> {
  await page.goto('/');
  await expectTillReady(page);
  return page;
}

export interface DatabaseFile {
  size: number;
  /** SQLite header bytes 18-19 (write/read format): 2 means WAL, 1 a rollback journal. */
  formatVersions: [number, number];
}

/** The database file as OPFS holds it, or null when there is none. */
export function databaseFile(page: Page): Promise<DatabaseFile | null> {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    try {
      const file = await (await root.getFileHandle(name)).getFile();
      const header = new Uint8Array(await file.slice(0, 100).arrayBuffer());
      return { size: file.size, formatVersions: [header[18] ?? 0, header[19] ?? 0] as [number, number] };
    } catch {
      return null;
    }
  }, DATABASE_FILE);
}
