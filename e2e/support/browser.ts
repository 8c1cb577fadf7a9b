// Launches Debian's Chromium with an on-disk profile: a throwaway context keeps OPFS and IndexedDB
// in memory, so a reload or a second page would not see the till's real storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../test-support/chromium.ts';

export interface PersistentBrowser {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The browser's language (navigator.languages, Accept-Language); Chromium's default is en-US. */
  locale?: string;
  viewport?: { width: number; height: number };
}

export async function launchPersistent(baseURL: string, options: LaunchOptions = {}): Promise<PersistentBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'ezo-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
    headless: true,
    baseURL,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.viewport === undefined ? {} : { viewport: options.viewport }),
  });
  return {
    context,
    profileDir,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
