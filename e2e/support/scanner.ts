// A keyboard-wedge barcode scanner for tests: the code's keys then Enter, a few ms apart.
import type { Page } from '@playwright/test';

/** Time between two keys of the simulated scanner, as the event timestamps say. */
export const SCANNER_KEY_GAP_S = 0.005;

/**
 * Types like a scanner: keys whose event timestamps are a few ms apart. A real scanner's events carry
 * the time the device sent them; Playwright's keyboard would stamp them when each round trip ends, which
 * on a loaded machine spreads a scan over a person's typing speed.
 */
export async function scan(page: Page, code: string, gapSeconds = SCANNER_KEY_GAP_S): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code].map((ch) => ({ key: ch, text: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}` }));
  keys.push({ key: 'Enter', text: '\r', code: 'Enter' });
  for (const [i, k] of keys.entries()) {
    const timestamp = start + i * gapSeconds;
    const enter = k.key === 'Enter' ? { windowsVirtualKeyCode: 13 } : {};
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k.key, code: k.code, text: k.text, timestamp, ...enter });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, timestamp, ...enter });
  }
  await cdp.detach();
}
