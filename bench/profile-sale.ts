// Where a sale's time goes in the till's real database worker: the app bench page (real worker, real
// hub on PGlite, a small catalog), the V8 CPU profiler on the worker target while the page records
// sales back to back, then self time per function, heaviest first. Hand-run, like sale-node.ts:
//   npx tsx bench/profile-sale.ts [--sales N] [--top N]
// The Chromium figure of `npm run bench` (item 1) is the one that counts; this explains it.
import type { CDPSession } from 'playwright-core';
import { NAME_SHIM, launchBrowser } from './runner/browser.ts';
import { buildBenchPages, BENCH_DIST } from './runner/build.ts';
import { startHub } from './runner/hub.ts';
import { seedHubCatalog } from './runner/hub-catalog.ts';
import { serveStatic } from './runner/static-server.ts';
import { openBenchPage } from './sections/context.ts';
import { generateCatalog } from './shared/catalog-gen.ts';
import { summarise } from './shared/stats.ts';

const CATALOG = 2_000;
/** Sampling interval of the profiler, µs: fine enough for a 1-2 ms sale. */
const SAMPLING_US = 50;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

/** A non-flat CDP session to the dedicated worker whose URL has `urlPart`: send(method) answers its result. */
async function workerSession(session: CDPSession, urlPart: string): Promise<(method: string, params?: object) => Promise<unknown>> {
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (target === undefined) throw new Error('no worker target');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = message.id === undefined ? undefined : waiting.get(message.id);
    if (w === undefined) return;
    waiting.delete(message.id!);
    if (message.error !== undefined) w.reject(new Error(message.error.message));
    else w.resolve(message.result);
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
}

/** Self time per function (name and file), ms, heaviest first. */
function selfTimes(profile: Profile): { where: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const file = frame?.url.split('/').pop()?.replace(/\?.*$/, '') ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}:${(frame?.lineNumber ?? 0) + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms);
}

interface Split {
  label: string;
  n: number;
  p50: number;
  times: { where: string; ms: number }[];
}

function print(split: Split, top: number): void {
  const total = split.times.reduce((a, b) => a + b.ms, 0);
  const idle = split.times.filter((t) => t.where.startsWith('(idle)')).reduce((a, b) => a + b.ms, 0);
  console.log(`\n${split.label}: ${split.n} transactions, p50 ${split.p50.toFixed(3)} ms; worker busy ${((total - idle) / split.n).toFixed(3)} ms per transaction`);
  for (const t of split.times.slice(0, top)) console.log(`${(t.ms / split.n).toFixed(4).padStart(8)} ms/tx  ${((100 * t.ms) / (total - idle)).toFixed(1).padStart(5)} %  ${t.where}`);
}

async function profiled(send: (method: string, params?: object) => Promise<unknown>, work: () => Promise<number[]>): Promise<{ samples: number[]; times: { where: string; ms: number }[] }> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await send('Profiler.start');
  const samples = await work();
  const { profile } = (await send('Profiler.stop')) as { profile: Profile };
  return { samples, times: selfTimes(profile) };
}

async function main(): Promise<void> {
  const sales = argNumber('--sales', 1_000);
  const top = argNumber('--top', 40);
  await buildBenchPages();
  const pages = await serveStatic(BENCH_DIST);
  const hub = await startHub({ backend: 'pglite' });
  const browser = await launchBrowser();
  try {
    await seedHubCatalog(hub, CATALOG);
    const page = await browser.context.newPage();
    const workerSeen = page.waitForEvent('worker', { predicate: (w) => w.url().includes('worker') });
    await openBenchPage(page, `${pages.url}/app.html`, 'benchApp');
    await (await workerSeen).evaluate(NAME_SHIM);
    await page.evaluate(() => window.benchApp!.start());
    const last = generateCatalog(CATALOG - 1, 1)[0];
    await page.evaluate(([url, token, barcode]) => window.benchApp!.firstSync(url, token, barcode), [hub.url, hub.terminal.token, last?.barcode ?? ''] as const);
    // Warm: statement cache, JIT, the first push.
    await page.evaluate(([n, size]) => window.benchApp!.recordSales(n, size), [200, CATALOG] as const);

    const app = await profiled(await workerSession(await page.context().newCDPSession(page), '/worker-'), async () =>
      (await page.evaluate(([n, size]) => window.benchApp!.recordSales(n, size), [sales, CATALOG] as const)).samples,
    );
    // The floor's transaction of the same rows (raw wa-sqlite, the app's VFS, pragmas and schema), in its own page.
    const floorPage = await browser.context.newPage();
    await openBenchPage(floorPage, `${pages.url}/baselines.html`, 'benchBaselines');
    await floorPage.evaluate((n) => window.benchBaselines!.floor.smallTransactions(n), 200);
    const floor = await profiled(await workerSession(await floorPage.context().newCDPSession(floorPage), 'floor-worker'), async () =>
      (await floorPage.evaluate((n) => window.benchBaselines!.floor.smallTransactions(n), sales)).samples,
    );
    print({ label: 'app sale through Comlink', n: app.samples.length, p50: summarise(app.samples).p50, times: app.times }, top);
    print({ label: 'floor transaction', n: floor.samples.length, p50: summarise(floor.samples).p50, times: floor.times }, top);
  } finally {
    await browser.close();
    await hub.stop();
    await pages.stop();
  }
}

await main();
