// A hub started the way an operator starts it (`node scripts/run-ts.mjs server/src/main.ts`) as a child
// process, its JSON log lines collected, for tests about the process itself: signals, several instances.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { Product, StockLevel } from '@ezo/contract/catalog';

const REPO_ROOT = join(import.meta.dirname, '../../..');
/** A hub's start on a loaded 2-core machine (PGlite's first start runs initdb and the migrations). */
export const HUB_START_TIMEOUT_MS = 90_000;

export type LogRecord = Record<string, unknown> & { msg?: string };

export interface HubProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  child: ChildProcess;
  /** Every line written so far, parsed when it is JSON. */
  records(): LogRecord[];
  output(): string;
  /** Resolves with the first log record (past or future) `match` accepts. */
  waitForLog(match: (r: LogRecord) => boolean, timeoutMs?: number): Promise<LogRecord>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface HubProcessOptions {
  env: Record<string, string>;
  args?: string[];
}

export async function startHubProcess(options: HubProcessOptions): Promise<HubProcess> {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/src/main.ts', ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const records: LogRecord[] = [];
  const watchers = new Set<{ match: (r: LogRecord) => boolean; resolve: (r: LogRecord) => void }>();
  let partial = '';
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        record = { msg: line, raw: true };
      }
      records.push(record);
      for (const w of [...watchers]) {
        if (w.match(record)) {
          watchers.delete(w);
          w.resolve(record);
        }
      }
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitedYet = false;
  void exited.then(() => (exitedYet = true));

  const waitForLog = (match: (r: LogRecord) => boolean, timeoutMs = HUB_START_TIMEOUT_MS) => {
    const seen = records.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<LogRecord>((resolve, reject) => {
      const watcher = {
        match,
        resolve: (r: LogRecord) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        watchers.delete(watcher);
        reject(new Error(`no such log line within ${timeoutMs} ms${exitedYet ? ' (the hub exited)' : ''}:\n${output.slice(-4000)}`));
      }, timeoutMs);
      watchers.add(watcher);
    });
  };

  const listening = await Promise.race([
    waitForLog((r) => typeof r.msg === 'string' && /^ezo hub: http:\/\/127\.0\.0\.1:\d+\//.test(r.msg)),
    exited.then(({ code }) => {
      throw new Error(`the hub exited (${code}) before listening:\n${output}`);
    }),
  ]);
  const url = /^ezo hub: (http:\/\/127\.0\.0\.1:\d+)\//.exec(String(listening.msg))?.[1] ?? '';
  return { url, port: Number(new URL(url).port), child, records: () => records, output: () => output, waitForLog, exited };
}

/** Every product and this store's stock as one terminal pulls them, page by page to the end. */
export async function pullAll(url: string, token: string): Promise<{ products: Product[]; stock: StockLevel[] }> {
  const products = new Map<string, Product>();
  const stock = new Map<string, StockLevel>();
  let cursor: string | undefined;
  for (;;) {
    const query = `limit=1000${cursor === undefined ? '' : `&last_synced_at=${encodeURIComponent(cursor)}`}`;
    const res = await fetch(`${url}/api/v1/sync/downstream?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as DownstreamPage;
    for (const p of page.changes.products) products.set(p.uuid, p);
    for (const s of page.changes.stock) stock.set(s.product_uuid, s);
    cursor = page.timestamp;
    if (!page.has_more) break;
  }
  return { products: [...products.values()], stock: [...stock.values()] };
}

/**
 * Pairs a till with a --demo hub process as the browser does (loopback demo pairing, then the one-time
 * code redeemed), and finds the demo cashier in the first pull: a hub process seeds staff with random ids.
 */
export async function pairDemoTill(url: string): Promise<{ token: string; cashierId: string }> {
  const demo = (await (await fetch(`${url}/api/v1/demo/pairing`)).json()) as { code: string };
  const redeemed = await fetch(`${url}/api/v1/pairing/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: demo.code, app_version: 'test' }),
  });
  if (redeemed.status !== 201 && redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status} ${await redeemed.text()}`);
  const { device_token: token } = (await redeemed.json()) as { device_token: string };
  const page = (await (await fetch(`${url}/api/v1/sync/downstream?limit=1000`, { headers: { authorization: `Bearer ${token}` } })).json()) as DownstreamPage;
  const cashierId = page.changes.staff?.find((s) => s.role === 'cashier')?.id;
  if (cashierId === undefined) throw new Error('the demo hub pulled no cashier');
  return { token, cashierId };
}
