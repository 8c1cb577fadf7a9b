// Item 8: the hub's upstream ingest with 50 concurrent terminals and a 100k downstream pull. The
// server engineer's bench/server-ingest.ts measures it and writes bench/results/server.json; this
// section runs it in its own process and reports what it wrote.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { measured, notMeasured, type Figure } from '../runner/figures.ts';
import type { SectionContext } from './context.ts';

export const SERVER_BENCH = 'bench/server-ingest.ts';
export const SERVER_RESULTS = 'bench/results/server.json';
/** The server bench gets this long before it is stopped. */
const SERVER_BENCH_TIMEOUT_MS = 15 * 60_000;

function runScript(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGTERM'), SERVER_BENCH_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

/** Finds a numeric field by any of its likely names, anywhere in the JSON (the file's shape is the server engineer's). */
function findNumber(json: unknown, keys: readonly string[]): number | null {
  if (json === null || typeof json !== 'object') return null;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (keys.includes(k) && typeof v === 'number') return v;
  }
  for (const v of Object.values(json as Record<string, unknown>)) {
    const found = findNumber(v, keys);
    if (found !== null) return found;
  }
  return null;
}

export async function runServer(ctx: SectionContext): Promise<Figure[]> {
  if (!existsSync(SERVER_BENCH)) return [notMeasured(8, 'server.ingest', 'Server ingest, 50 terminals', `${SERVER_BENCH} does not exist yet (the server engineer writes it)`)];
  await rm(SERVER_RESULTS, { force: true });
  const code = await runScript([SERVER_BENCH, ...(ctx.options.quick ? ['--quick'] : [])]);
  if (code !== 0 || !existsSync(SERVER_RESULTS)) return [notMeasured(8, 'server.ingest', 'Server ingest, 50 terminals', `${SERVER_BENCH} exited with ${code} and wrote ${existsSync(SERVER_RESULTS) ? 'results' : 'no results'}`)];
  const json: unknown = JSON.parse(await readFile(SERVER_RESULTS, 'utf8'));
  ctx.notes.server = json;
  const shape: RunShape = { terminals: findNumber(json, ['terminals']) ?? 50, catalog: findNumber(json, ['catalogSize']) ?? 100_000 };
  const perBackend = (json as { figures?: unknown }).figures;
  if (Array.isArray(perBackend) && perBackend.length > 0) {
    return perBackend.flatMap((entry: unknown) => {
      const named = (entry as { backend?: unknown }).backend;
      const backend = typeof named === 'string' ? named : '?';
      return serverFigures(entry, ` (${backend})`, `.${backend}`, shape);
    });
  }
  return serverFigures(json, '', '', shape);
}

/** Terminals and pulled catalog of the run, as the file states them (--quick runs fewer). */
interface RunShape {
  terminals: number;
  catalog: number;
}

function serverFigures(json: unknown, label: string, key: string, shape: RunShape): Figure[] {
  const rate = findNumber(json, ['salesPerSecond', 'sales_per_second', 'salesPerS']);
  const p99 = findNumber(json, ['batchP99Ms', 'p99Ms', 'p99_ms', 'p99']);
  const p50 = findNumber(json, ['batchP50Ms']);
  const pull = findNumber(json, ['pullRowsPerSecond']);
  const startMax = findNumber(json, ['startDelayMaxMs']);
  const startP99 = findNumber(json, ['startDelayP99Ms']);
  const loopP99 = findNumber(json, ['eventLoopDelayP99Ms']);
  const loopMax = findNumber(json, ['eventLoopDelayMaxMs']);
  const figures: Figure[] = [
    rate === null ? notMeasured(8, `server.ingest${key}.salesPerS`, `Server ingest${label}`, `no sales-per-second field in ${SERVER_RESULTS}`) : measured(8, `server.ingest${key}.salesPerS`, `Server ingest, ${shape.terminals} terminals${label}`, rate, 'sales/s', { note: `from ${SERVER_RESULTS} (${SERVER_BENCH})` }),
    p99 === null
      ? notMeasured(8, `server.ingest${key}.p99`, `Server ingest p99${label}`, `no p99 field in ${SERVER_RESULTS}`)
      : measured(8, `server.ingest${key}.p99`, `Server ingest batch p99${label}`, p99, 'ms', p50 === null ? {} : { note: `p50 ${p50} ms` }),
  ];
  if (startMax !== null) {
    figures.push(
      measured(8, `server.ingest${key}.startDelayMax`, `Server ingest: longest wait before the hub starts a request${label}`, startMax, 'ms', {
        note: `from the terminal's send to the hub's HTTP server seeing the request (accept queue, busy event loop); p99 ${startP99 ?? '?'} ms`,
      }),
    );
  }
  if (loopP99 !== null) figures.push(measured(8, `server.ingest${key}.loopDelayP99`, `Server ingest: hub event-loop delay p99${label}`, loopP99, 'ms', { note: `max ${loopMax ?? '?'} ms (monitorEventLoopDelay during the ingest)` }));
  if (pull !== null) figures.push(measured(8, `server.pull${key}.rowsPerS`, `Server downstream pull of ${shape.catalog.toLocaleString('en-US')}${label}`, pull, 'rows/s'));
  return figures;
}
