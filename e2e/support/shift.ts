// Selling needs an open shift. Specs that sell open one first, through the Shift screen as staff do,
// in whichever language the till speaks (read from <html lang>), then come back to Sell.
import { expect, type Page } from '@playwright/test';
import type { UiLanguage } from '../../src/ui/i18n/languages.ts';
import { translator } from '../../src/ui/i18n/translator.ts';

export async function uiLanguage(page: Page): Promise<UiLanguage> {
  return (await page.locator('html').getAttribute('lang'))?.startsWith('de') === true ? 'de' : 'en';
}

/** Opens a shift with `float` (typed as staff type it, e.g. "100,00" or "100.00") and returns to Sell. */
export async function openShiftForSelling(page: Page, float = '0'): Promise<void> {
  const t = translator(await uiLanguage(page));
  const nav = page.getByRole('navigation', { name: t('shell.screensNav') });
  await nav.getByRole('button', { name: t('shell.screens.shift') }).click();
  await page.getByLabel(t('shift.openingFloat')).fill(float);
  await page.getByRole('button', { name: t('shift.open'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('shift.openNowTitle') })).toBeVisible();
  await nav.getByRole('button', { name: t('shell.screens.sell') }).click();
}
