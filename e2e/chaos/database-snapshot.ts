// A copy of the till's database files (the main file and its WAL) as OPFS holds them, taken from a
// same-origin page that does not start the till, so no access handle is open while they are read.
// PRAGMA integrity_check then runs on the copy in Node (integrity-check.ts).
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../support/till-page.ts';

/** A same-origin document the service worker does not answer with the app shell. */
const NOT_THE_APP = '/api/v1/health';

/** File name -> bytes, for every OPFS root file of the till's database. */
export type DatabaseFiles = Map<string, Buffer>;

export async function snapshotDatabase(page: Page, origin: string): Promise<DatabaseFiles> {
  await page.goto(`${origin}${NOT_THE_APP}`);
  const files = await page.evaluate(async (prefix) => {
    const root = await navigator.storage.getDirectory();
    const out: Record<string, string> = {};
    for await (const [name, handle] of (root as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (!name.startsWith(prefix) || handle.kind !== 'file') continue;
      const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out[name] = btoa(binary);
    }
    return out;
  }, DATABASE_FILE);
  return new Map(Object.entries(files).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]));
}
