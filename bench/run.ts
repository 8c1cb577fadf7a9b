// `npm run bench`: measures the till against its baselines in one run and prints a table; the same
// figures go to bench/results/latest.json with the machine they were measured on. Each section runs
// on its own browser profile, in its own try/catch: a part that is missing or broken is reported as
// "not yet measured: <why>", and the rest still runs. See bench/README.md for what each figure means.
import { parseOptions, type Section } from './runner/options.ts';
import { chromiumVersion } from './runner/browser.ts';
import { describeMachine, loadAverageNow } from './runner/machine.ts';
import { errorText, notMeasured, type Figure } from './runner/figures.ts';
import { renderTable, writeReport, RESULTS_PATH } from './runner/report.ts';
import { BENCH_DIST, buildBenchPages } from './runner/build.ts';

import { serveStatic, type StaticServer } from './runner/static-server.ts';
import { runFloor, runIdb } from './sections/baselines.ts';
import { runApp } from './sections/app.ts';
import { runPush } from './sections/push.ts';
import { runSearch } from './sections/search.ts';
import { runUi } from './sections/ui.ts';
import { runServer } from './sections/server.ts';
import { runWire } from './sections/wire.ts';
import { runPeers } from './sections/peers.ts';
import { runLive } from './sections/live.ts';
import { ratioFigures } from './sections/ratios.ts';
import type { SectionContext } from './sections/context.ts';
import { startHub, type BenchHub } from './runner/hub.ts';
import { seedHubCatalog } from './runner/hub-catalog.ts';
import { TILL_DIST, buildTill } from './runner/build.ts';

const RUNNERS: Record<Section, (ctx: SectionContext) => Promise<Figure[]>> = {
  floor: runFloor,
  idb: runIdb,
  app: runApp,
  push: runPush,
  search: runSearch,
  ui: runUi,
  peers: runPeers,
  server: runServer,
  wire: runWire,
  live: runLive,
};

/** Items of the brief each section answers, for the "not measured" line when a section fails. */
const SECTION_ITEMS: Record<Section, number> = { floor: 0, idb: 0, app: 1, push: 5, search: 4, ui: 6, peers: 1, server: 8, wire: 9, live: 10 };

/** The hub serving the built till (demo mode pairs it) with the bench catalog. */
async function startSeededHub(catalog: number, notes: Record<string, unknown>, progress: (step: string) => void): Promise<BenchHub> {
  progress('building the till');
  await buildTill();
  progress(`starting the hub and giving it ${catalog} products`);
  const hub = await startHub({ staticDir: TILL_DIST, demo: true });
  try {
    const seed = await seedHubCatalog(hub, catalog);
    notes.hubCatalogSeed = { ms: Math.round(seed.elapsedMs), via: seed.via };
    return hub;
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const machine = describeMachine(await chromiumVersion().catch(() => null));
  console.log(`ezo bench ${options.quick ? '(quick) ' : ''}sections: ${options.only.join(', ')} on ${machine.cpuModel} x${machine.cores}, ${machine.memoryGiB} GiB, Chromium ${machine.chromium ?? '?'}, Node ${machine.node}, load ${machine.loadAverageAtStart}`);

  const figures: Figure[] = [];
  // Started on first use by a section; a holder, so the finally below sees what the closure set.
  const shared: { hub: Promise<BenchHub> | null } = { hub: null };
  const ctx: SectionContext = {
    options,
    pagesUrl: '',
    baselines: {},
    notes: {},
    hub: () => (shared.hub ??= startSeededHub(options.sizes.catalog, ctx.notes, (step) => ctx.progress(step))),
    progress: (step) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${step}`),
  };
  let pages: StaticServer | null = null;
  const needsPages = options.only.some((s) => s === 'floor' || s === 'idb' || s === 'app' || s === 'push' || s === 'search' || s === 'peers');
  try {
    if (needsPages) {
      try {
        await buildBenchPages();
        pages = await serveStatic(BENCH_DIST);
        ctx.pagesUrl = pages.url;
      } catch (error) {
        figures.push(notMeasured(0, 'build.pages', 'Bench pages', `vite build of bench/pages failed: ${errorText(error)}`));
      }
    }
    for (const section of options.only) {
      const t0 = performance.now();
      console.log(`- ${section}`);
      try {
        if (needsPages && pages === null && section !== 'ui' && section !== 'server' && section !== 'wire' && section !== 'live') throw new Error('the bench pages did not build');
        const got = await RUNNERS[section](ctx);
        figures.push(...got);
      } catch (error) {
        figures.push(notMeasured(SECTION_ITEMS[section], `${section}.failed`, `Section ${section}`, `it failed: ${errorText(error)}`));
      }
      console.log(`  ${section} took ${Math.round((performance.now() - t0) / 100) / 10} s`);
    }
  } finally {
    await pages?.stop();
    if (shared.hub !== null) await (await shared.hub.catch(() => null))?.stop();
  }
  figures.push(...ratioFigures(figures, ctx));
  figures.sort((a, b) => (a.item === 0 ? -1 : a.item) - (b.item === 0 ? -1 : b.item));
  const report = { startedAt, finishedAt: new Date().toISOString(), quick: options.quick, sections: options.only, sizes: options.sizes, machine: { ...machine, loadAverageAtEnd: loadAverageNow() }, figures, notes: ctx.notes };
  await writeReport(report);
  console.log(`\n${renderTable(figures)}\n\nload average ${report.machine.loadAverageAtStart} at start, ${report.machine.loadAverageAtEnd} at end (${machine.cores} cores); written to ${RESULTS_PATH}`);
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exitCode = 1;
});
