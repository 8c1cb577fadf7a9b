// What every section gets from the runner, and what the baselines leave for the ratios of items
// 1 and 2 (the app's figures are stated relative to the floor measured in the same run).
import type { Options } from '../runner/options.ts';
import type { Summary } from '../shared/stats.ts';
import type { Page } from 'playwright-core';
import type { BenchHub } from '../runner/hub.ts';

export interface Baselines {
  floorSale?: Summary;
  /** The floor's small transaction measured in rounds alternating with the app's sales (same load). */
  floorSaleInterleaved?: Summary;
  floorBulkRowsPerS?: number;
  /** The same small transaction on a plain schema (no index, constraint or trigger). */
  plainSale?: Summary;
  /** The plain-schema floor alongside the app's sales, in the same rounds. */
  plainSaleInterleaved?: Summary;
  plainBulkRowsPerS?: number;
  idbSale?: Summary;
  /** The peers' headline figures (peers.ts), for the ratios. */
  peers?: Partial<Record<'dexie' | 'powersync', { saleP50: number; bulkRowsPerS: number; searchP95: number }>>;
}

export interface SectionContext {
  options: Options;
  /** Origin serving bench/dist (the bench pages), cross-origin isolated. */
  pagesUrl: string;
  baselines: Baselines;
  /** Notes for the JSON: how a figure was obtained, setup times. */
  notes: Record<string, unknown>;
  /**
   * The one hub of the run, started and given the catalog on first use (the app and UI sections
   * share it: seeding 100k products through the admin API takes minutes). It serves the built till.
   */
  hub(): Promise<BenchHub>;
  /** One line of progress on stdout, so a long step shows where it is. */
  progress(step: string): void;
}

/** Opens a bench page and waits until it has put its API on window. */
export async function openBenchPage(page: Page, url: string, global: 'benchBaselines' | 'benchApp' | 'benchSearch' | 'benchPeers'): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, global, { timeout: 30_000 }).catch((error: unknown) => {
    throw new Error(`${url} did not start${errors.length > 0 ? `: ${errors.join('; ')}` : ''} (${String(error)})`);
  });
}
