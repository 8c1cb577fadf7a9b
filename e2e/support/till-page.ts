// Opening the till in a page and reading what it shows about the database: the boot state main.tsx
// puts on #app, and the database file in the page's OPFS.
import { expect, type Page } from '@playwright/test';

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

/** The till is usable: this page owns the database and the paired shell shows its screens (in any language). */
export async function expectTillReady(page: Page): Promise<void> {
  await expectTillState(page, 'owner');
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: BOOT_TIMEOUT_MS });
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
