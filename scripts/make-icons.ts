// Renders the app icons (public/icons/*.png) from the SVG below with the system Chromium: ImageMagick is not
// installed here and no image library is a dependency. Run with `npx tsx scripts/make-icons.ts` after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test-support/chromium.ts';

const OUT_DIR = join(import.meta.dirname, '..', 'public', 'icons');
const BRAND = '#0f5c4d';
const PAPER = '#ffffff';

/**
 * A receipt with an "E" on the brand colour. `inset` is the share of the side kept clear around the artwork:
 * maskable icons keep everything inside the central 80% circle, so they get a larger inset and a full-bleed square.
 */
function iconSvg(size: number, maskable: boolean): string {
  const radius = maskable ? 0 : size * 0.18;
  const inset = maskable ? 0.24 : 0.16;
  const w = size * (1 - 2 * inset);
  const x = size * inset;
  const paperW = w * 0.62;
  const paperX = x + (w - paperW) / 2;
  const paperH = w;
  const tooth = paperW / 6;
  // The torn bottom edge, drawn right to left from the bottom-right corner.
  const right = paperX + paperW;
  const bottom = x + paperH;
  const teeth = Array.from({ length: 6 }, (_, i) => {
    const tx = right - i * tooth;
    return `L${tx - tooth / 2},${bottom - tooth / 2} L${tx - tooth},${bottom}`;
  }).join(' ');
  const stroke = paperW * 0.13;
  const ex = paperX + paperW * 0.27;
  const eTop = x + paperH * 0.2;
  const eBottom = x + paperH * 0.68;
  const eRight = paperX + paperW * 0.75;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${BRAND}"/>
  <path d="M${paperX},${x} H${right} V${bottom} ${teeth} Z" fill="${PAPER}"/>
  <path d="M${eRight},${eTop} H${ex} V${eBottom} H${eRight} M${ex},${(eTop + eBottom) / 2} H${eRight - paperW * 0.08}"
    fill="none" stroke="${BRAND}" stroke-width="${stroke}" stroke-linecap="square"/>
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const svg = iconSvg(icon.size, icon.maskable);
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(OUT_DIR, icon.file), png);
      await page.close();
    }
    writeFileSync(join(OUT_DIR, 'icon.svg'), iconSvg(512, false));
  } finally {
    await browser.close();
  }
}

await main();
