// The till's foundation in a real browser against the real server: the built app boots, creates its
// database on OPFS in WAL mode, keeps what staff wrote across a reload, and lets only one tab own
// the database, with a clean handover between tabs.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { databaseFile, expectTillReady, expectTillState } from './support/till-page.ts';

// These tests open their own shifts.
test.use({ shiftOpen: false });

/** SQLite's header says 2 for the write and read format versions once the file is in WAL mode. */
const WAL_FORMAT: [number, number] = [2, 2];
/** Reloads in a row: each must find the previous page's database released (pagehide) or wait for it. */
const RELOADS = 3;

async function openShift(page: Page, float: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Shift' }).click();
  await page.getByLabel('Opening float').fill(float);
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift open' })).toBeVisible();
}

async function expectShiftOpen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift open' })).toBeVisible();
}

test('boots headless, creates its database on OPFS in WAL mode, and keeps a shift across a reload', async ({ tillPage }) => {
  const file = await databaseFile(tillPage);
  expect(file, 'the database file exists in OPFS').not.toBeNull();
  expect(file?.size).toBeGreaterThan(0);
  expect(file?.formatVersions).toEqual(WAL_FORMAT);

  await openShift(tillPage, '150.00');
  await tillPage.reload();
  await expectTillReady(tillPage);
  await expectShiftOpen(tillPage);
});

test('a second tab offers "Use here", takes the till over, and the first stops', async ({ context, tillPage }) => {
  await openShift(tillPage, '80.00');

  const second = await context.newPage();
  await second.goto('/');
  await expectTillState(second, 'elsewhere');
  await expect(second.getByRole('status')).toContainText('The till is open in another tab');
  // The first tab is untouched while the second only offers.
  await expect(tillPage.getByRole('navigation', { name: 'Screens' })).toBeVisible();

  await second.getByRole('button', { name: 'Use here' }).click();
  await expectTillReady(second);
  await expectShiftOpen(second);

  // The first tab closed its database: the till is gone from it, only the way back remains.
  await expectTillState(tillPage, 'moved');
  await expect(tillPage.getByRole('status')).toContainText('The till moved to another tab');
  await expect(tillPage.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);

  // And back again.
  await tillPage.getByRole('button', { name: 'Take it back' }).click();
  await expectTillReady(tillPage);
  await expectTillState(second, 'moved');
  await expectShiftOpen(tillPage);
});

test('a reloaded tab gets the database back instead of seeing it open elsewhere', async ({ tillPage }) => {
  for (let i = 0; i < RELOADS; i++) {
    await tillPage.reload();
    await expectTillReady(tillPage);
  }
});
