// Item 5: the push of sales queued offline, through the till's real database worker in Chromium to
// a hub of its own on each backend: in-memory PGlite always (`push.salesPerS`), and a throwaway
// PostgreSQL database on BENCH_DATABASE_URL when it is set (`push.pg.salesPerS`). Each run: a fresh
// profile, pair and pull the few products the sales use, go offline, record the sales, go online,
// then syncNow() until nothing is pending. Only the last part is timed.
import { launchBrowser, NAME_SHIM } from '../runner/browser.ts';
import { benchDatabaseUrl, startHub, type HubBackend } from '../runner/hub.ts';
import { seedHubCatalog } from '../runner/hub-catalog.ts';
import { errorText, goal, measured, notMeasured, type Figure } from '../runner/figures.ts';
import { generateCatalog } from '../shared/catalog-gen.ts';
import { MAX_BATCHES_IN_FLIGHT, PUSH_BATCH_SIZE } from '../../src/sync/push.ts';
import { openBenchPage, type SectionContext } from './context.ts';

export const PUSH_GOAL_SALES_PER_S = 2_000;
/** PostgreSQL commits durably (fsync) where in-memory PGlite does not: a lower goal. */
export const PUSH_PG_GOAL_SALES_PER_S = 1_200;
/** Products on the push hubs: the ones the bench sales draw their lines from (app-page.ts SALE_PRODUCTS). */
const PUSH_CATALOG = 200;
/** The push step stops waiting after this long and reports what is still pending. */
const PUSH_DEADLINE_MS = 10 * 60_000;

interface Run {
  id: string;
  label: string;
  backend: HubBackend;
  goalPerS: number;
  where: string;
}

export async function runPush(ctx: SectionContext): Promise<Figure[]> {
  const runs: Run[] = [{ id: 'push', label: 'Push of queued sales (PGlite hub)', backend: 'pglite', goalPerS: PUSH_GOAL_SALES_PER_S, where: 'in-memory PGlite' }];
  const pgUrl = benchDatabaseUrl();
  if (pgUrl !== null) runs.push({ id: 'push.pg', label: 'Push of queued sales (PostgreSQL hub)', backend: { throwawayOn: pgUrl }, goalPerS: PUSH_PG_GOAL_SALES_PER_S, where: 'a throwaway PostgreSQL database on BENCH_DATABASE_URL' });
  const figures: Figure[] = [];
  for (const run of runs) {
    ctx.progress(run.label);
    try {
      figures.push(await pushOnce(ctx, run));
    } catch (error) {
      figures.push(notMeasured(5, `${run.id}.salesPerS`, run.label, `it failed: ${errorText(error)}`));
    }
  }
  if (pgUrl === null) figures.push(notMeasured(5, 'push.pg.salesPerS', 'Push of queued sales (PostgreSQL hub)', 'BENCH_DATABASE_URL is not set'));
  return figures;
}

async function pushOnce(ctx: SectionContext, run: Run): Promise<Figure> {
  const { sizes } = ctx.options;
  const hub = await startHub({ backend: run.backend });
  try {
    await seedHubCatalog(hub, PUSH_CATALOG);
    const browser = await launchBrowser(ctx.options.keepProfile);
    try {
      const page = await browser.context.newPage();
      const workerSeen = page.waitForEvent('worker', { predicate: (w) => w.url().includes('worker') });
      await openBenchPage(page, `${ctx.pagesUrl}/app.html`, 'benchApp');
      await (await workerSeen).evaluate(NAME_SHIM);
      const ownership = await page.evaluate(() => window.benchApp!.start());
      if (ownership !== 'owner') throw new Error(`the bench page does not own the database (${ownership})`);
      const last = generateCatalog(PUSH_CATALOG - 1, 1)[0];
      const paired = await page.evaluate(([url, token, barcode]) => window.benchApp!.firstSync(url, token, barcode), [hub.url, hub.terminal.token, last?.barcode ?? ''] as const);
      if (!paired.verified) throw new Error('after pairing, the till lacks the products its sales use');

      await browser.context.setOffline(true);
      let queued: number;
      try {
        queued = await page.evaluate(([n, size]) => window.benchApp!.queueSales(n, size), [sizes.push, PUSH_CATALOG] as const);
      } finally {
        await browser.context.setOffline(false);
      }
      const r = await page.evaluate((deadline) => window.benchApp!.pushAll(deadline), PUSH_DEADLINE_MS);
      if (r.pendingAfter > 0 || r.failedAfter > 0) throw new Error(`${r.pendingAfter} still pending and ${r.failedAfter} failed after ${Math.round(r.elapsedMs)} ms`);
      const perS = Math.round(r.queued / (r.elapsedMs / 1000));
      return measured(5, `${run.id}.salesPerS`, `${run.label}: ${r.queued} sales`, perS, 'sales/s', {
        goal: goal(perS, run.goalPerS, `>= ${run.goalPerS.toLocaleString('en-US')}`, true),
        note: `queued offline (${queued} pending), then syncNow() until none pending: ${Math.round(r.elapsedMs)} ms in ${r.syncCalls} syncNow() calls; batches of up to ${PUSH_BATCH_SIZE}, ${MAX_BATCHES_IN_FLIGHT} in flight; hub on ${run.where}, in the runner's process`,
      });
    } finally {
      await browser.close();
    }
  } finally {
    await hub.stop();
  }
}
