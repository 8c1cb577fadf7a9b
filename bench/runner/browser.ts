// Debian's Chromium, headless, with a persistent profile in a fresh directory: a throwaway context
// keeps IndexedDB in memory and sends OPFS through a slow in-memory backend (10-20x slower), which
// gives wrong numbers (see /work/shared/research/browser-storage.md).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test-support/chromium.ts';

/**
 * tsx compiles the runner with esbuild's keepNames, so a function the runner hands to
 * page.evaluate may call `__name(...)`; pages and workers get this no-op in its place.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export interface BenchBrowser {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/** A new browser on a new, empty profile: no section sees storage another left behind. */
export async function launchBrowser(keepProfile = false): Promise<BenchBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'ezo-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    // The UI figures find buttons by their English labels.
    locale: 'en-US',
    args: [...CHROMIUM_ARGS],
  });
  await context.addInitScript({ content: NAME_SHIM });
  return {
    context,
    profileDir,
    async close() {
      await context.close();
      if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Chromium's version string, from a short-lived browser. */
export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
