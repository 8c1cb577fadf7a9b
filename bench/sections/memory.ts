// Item 7: memory after the first sync. Three views, each reported with how it was taken:
// - the worker's WebAssembly.Memory (SQLite's heap, which holds its page cache), read through a
//   watcher the bench installs in the worker before SQLite loads (no hook in the app);
// - the worker's and the page's V8 heap from CDP Runtime.getHeapUsage (the worker's through
//   Target.attachToTarget from the page's session);
// - performance.measureUserAgentSpecificMemory() when the page is cross-origin isolated (the bench
//   pages are served with COOP/COEP), which also attributes memory to the worker.
import type { CDPSession, Page, Worker } from 'playwright-core';
import { goal, measured, notMeasured, type Figure } from '../runner/figures.ts';

export const WORKER_MEMORY_GOAL_MIB = 150;
export const PAGE_HEAP_GOAL_MIB = 30;
const MIB = 2 ** 20;
const mib = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/** Runtime.getHeapUsage on the first dedicated worker target, through a non-flat attach from the page's session. */
async function workerHeap(session: CDPSession, workerUrl: string): Promise<HeapUsage> {
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url === workerUrl) ?? targetInfos.find((t) => t.type === 'worker');
  if (target === undefined) throw new Error('no worker target');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  return new Promise<HeapUsage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker target did not answer')), 10_000);
    session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage; error?: { message: string } };
      if (message.id !== 1) return;
      clearTimeout(timer);
      if (message.result === undefined) reject(new Error(message.error?.message ?? 'no result'));
      else resolve(message.result);
    });
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) }).catch(reject);
  });
}

export async function measureMemory(page: Page, worker: Worker, syncedRows: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const after = syncedRows > 0 ? `after syncing ${syncedRows} products` : 'WITHOUT a completed first sync';
  const wasm = await worker.evaluate(() => ((globalThis as unknown as { __benchWasmMemories?: WebAssembly.Memory[] }).__benchWasmMemories ?? []).map((m) => m.buffer.byteLength)).catch(() => [] as number[]);
  const wasmBytes = wasm.reduce((a, b) => a + b, 0);
  const session = await page.context().newCDPSession(page);
  let workerJs: HeapUsage | null = null;
  try {
    workerJs = await workerHeap(session, worker.url());
  } catch (error) {
    figures.push(notMeasured(7, 'memory.worker.js', 'Worker JS heap', `CDP on the worker target failed: ${String(error)}`));
  }
  await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const pageHeap: HeapUsage = await session.send('Runtime.getHeapUsage');
  await session.detach();

  if (wasm.length === 0) figures.push(notMeasured(7, 'memory.worker.wasm', 'Worker wasm memory', 'no WebAssembly.Memory seen in the worker (the watcher was installed too late?)'));
  else figures.push(measured(7, 'memory.worker.wasm', 'Worker wasm memory (SQLite heap + page cache)', mib(wasmBytes), 'MiB', { note: `WebAssembly.Memory.buffer.byteLength ${after}` }));
  if (workerJs !== null) figures.push(measured(7, 'memory.worker.js', 'Worker JS heap (used)', mib(workerJs.usedSize), 'MiB', { note: 'CDP Runtime.getHeapUsage on the worker target' }));
  if (wasm.length > 0 && workerJs !== null) {
    const total = mib(wasmBytes + workerJs.usedSize);
    figures.push(measured(7, 'memory.worker.total', 'Worker memory (wasm + JS heap)', total, 'MiB', { goal: goal(total, WORKER_MEMORY_GOAL_MIB, `<= ${WORKER_MEMORY_GOAL_MIB} MiB`), note: after }));
  }
  figures.push(measured(7, 'memory.page.js', 'Page JS heap (used)', mib(pageHeap.usedSize), 'MiB', { goal: goal(mib(pageHeap.usedSize), PAGE_HEAP_GOAL_MIB, `<= ${PAGE_HEAP_GOAL_MIB} MiB`), note: 'CDP Runtime.getHeapUsage after a forced GC; the bench page, not the till UI' }));

  try {
    const ua = await page.evaluate(() => window.benchApp!.memory());
    if (ua.uaMemory === null) {
      figures.push(notMeasured(7, 'memory.ua.total', 'measureUserAgentSpecificMemory', `not available (crossOriginIsolated=${String(ua.crossOriginIsolated)})`));
    } else {
      const workerBytes = ua.uaMemory.breakdown
        .filter((b) => (b.attribution ?? []).some((a) => a.scope === 'DedicatedWorkerGlobalScope'))
        .reduce((sum, b) => sum + b.bytes, 0);
      figures.push(measured(7, 'memory.ua.total', 'measureUserAgentSpecificMemory total', mib(ua.uaMemory.bytes), 'MiB', { note: `of which attributed to dedicated workers ${mib(workerBytes)} MiB` }));
    }
  } catch (error) {
    figures.push(notMeasured(7, 'memory.ua.total', 'measureUserAgentSpecificMemory', `the page call failed: ${String(error)}`));
  }
  return figures;
}
