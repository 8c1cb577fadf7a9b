// The till's main screens against the real server with the demo catalog: no serious or critical
// axe-core violation on any of them, and screenshots at tablet and phone widths for people to look at.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const VIEWPORTS = [
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCREENSHOT_DIR = 'test-results/screenshots';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** A cold start pulls the whole demo catalog before the grid fills. */
const CATALOG_TIMEOUT_MS = 30_000;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The server's CSP forbids inline scripts (addScriptTag); evaluate runs outside the page's CSP.
    await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  }) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
}

for (const vp of VIEWPORTS) {
  test(`main screens at ${vp.name} width pass axe and are captured`, async ({ tillPage: page }) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    const shot = async (name: string) => {
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${vp.name}-${name}.png` });
      expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    };
    const tiles = page.locator('.product-tile');
    await expect(tiles.first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
    await shot('sell-empty');

    await tiles.nth(0).click();
    await tiles.nth(1).click();
    await tiles.nth(1).click();
    await shot('sell-cart');

    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
    await shot('payment');
    await page.getByRole('button', { name: /^Exact / }).click();
    await page.getByRole('button', { name: 'Complete sale' }).click();
    await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
    await shot('receipt');
    // The print stylesheet leaves only the receipt, at the top left, 80 mm wide.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${vp.name}-receipt-print.png` });
    const box = await page.locator('article.receipt').boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.y).toBe(0);
    expect(Math.round(box?.width ?? 0)).toBe(Math.round((80 / 25.4) * 96));
    await expect(page.getByRole('button', { name: 'New sale' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'New sale' }).click();

    await nav(page, 'History');
    await expect(page.getByRole('heading', { name: 'Sales history' })).toBeVisible();
    await expect(page.locator('.history-table tbody tr')).toHaveCount(1);
    await shot('history');

    await nav(page, 'Shift');
    await expect(page.getByRole('button', { name: 'Open shift' })).toBeVisible();
    await shot('shift');

    await nav(page, 'Stock');
    await expect(page.getByRole('button', { name: /^Adjust stock of / }).first()).toBeVisible();
    await shot('stock');

    await nav(page, 'Settings');
    await expect(page.getByRole('heading', { name: 'Local database' })).toBeVisible();
    await shot('settings');

    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot('help');
  });
}
