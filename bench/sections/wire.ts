// Item 9: bytes on the wire, with and without compression, side by side: a till's first load (every
// file it fetches to start and to work offline) and a first sync of the catalog (every pull page).
// Measured from Node against the bench's hub serving the built till, one connection per request, so
// each figure is exactly what the socket read; the same requests once as Chromium asks (br accepted),
// once gzip only, once uncompressed (identity).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PULL_PAGE_LIMIT } from '../../src/sync/pull.ts';
import { TILL_DIST } from '../runner/build.ts';
import type { BenchHub } from '../runner/hub.ts';
import { errorText, measured, notMeasured, type Figure } from '../runner/figures.ts';
import { BROWSER_ACCEPT_ENCODING, wireGet } from '../runner/wire-fetch.ts';
import type { SectionContext } from './context.ts';

const ITEM = 9;
const ENCODINGS = { browser: BROWSER_ACCEPT_ENCODING, gzip: 'gzip', identity: 'identity' } as const;
type Encoding = keyof typeof ENCODINGS;

interface Tally {
  requests: number;
  bytes: Record<Encoding, number>;
  /** Decoded size, the same for every encoding. */
  decodedBytes: number;
}

/**
 * The files a cold till load fetches from the network: index.html, the service worker, and every
 * entry of its precache (chunks, CSS, both SQLite wasm builds, icons, the web manifest), each once:
 * the service worker's install finds those the page already loaded in the HTTP cache.
 */
async function firstLoadPaths(): Promise<string[]> {
  const sw = await readFile(join(TILL_DIST, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => `/${m[1] ?? ''}`);
  if (precached.length === 0) throw new Error(`no precache manifest found in ${join(TILL_DIST, 'sw.js')}`);
  return [...new Set(['/', '/sw.js', ...precached])];
}

async function firstLoad(hub: BenchHub): Promise<Tally & { paths: string[] }> {
  const paths = await firstLoadPaths();
  const tally: Tally = { requests: paths.length, bytes: { browser: 0, gzip: 0, identity: 0 }, decodedBytes: 0 };
  for (const path of paths) {
    for (const encoding of Object.keys(ENCODINGS) as Encoding[]) {
      const res = await wireGet(`${hub.url}${path}`, ENCODINGS[encoding]);
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      tally.bytes[encoding] += res.wireBytes;
      if (encoding === 'identity') tally.decodedBytes += res.body.length;
    }
  }
  return { ...tally, paths };
}

/** The till's first sync, request for request (src/sync/pull.ts: PULL_PAGE_LIMIT rows a page, from no cursor until has_more is false). */
async function firstSync(hub: BenchHub, token: string, encoding: Encoding): Promise<{ pages: number; rows: number; bytes: number; decodedBytes: number; ms: number }> {
  const t0 = performance.now();
  let cursor: string | undefined;
  let pages = 0;
  let rows = 0;
  let bytes = 0;
  let decodedBytes = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PULL_PAGE_LIMIT), ...(cursor === undefined ? {} : { last_synced_at: cursor }) });
    const res = await wireGet(`${hub.url}/api/v1/sync/downstream?${query.toString()}`, ENCODINGS[encoding], { authorization: `Bearer ${token}` });
    if (res.status !== 200) throw new Error(`the pull answered ${res.status}: ${res.body.toString('utf8').slice(0, 200)}`);
    const page = JSON.parse(res.body.toString('utf8')) as { timestamp: string; has_more: boolean; changes: Record<string, unknown[]> };
    pages += 1;
    rows += Object.values(page.changes).reduce((n, list) => n + list.length, 0);
    bytes += res.wireBytes;
    decodedBytes += res.body.length;
    cursor = page.timestamp;
    if (!page.has_more) return { pages, rows, bytes, decodedBytes, ms: Math.round(performance.now() - t0) };
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

export async function runWire(ctx: SectionContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  let hub: BenchHub;
  try {
    hub = await ctx.hub();
  } catch (error) {
    return [notMeasured(ITEM, 'wire', 'Bytes on the wire', `the hub did not start with the catalog (${errorText(error)})`)];
  }

  ctx.progress('first load: every file of a cold till load, compressed and not');
  try {
    const load = await firstLoad(hub);
    const note = `${load.requests} requests (index.html, sw.js, the precache list); gzip only ${kb(load.bytes.gzip)}; ${ratio(load.bytes.identity, load.bytes.browser)} smaller with br`;
    ctx.notes.wireFirstLoad = { paths: load.paths, bytes: load.bytes, decodedBytes: load.decodedBytes };
    figures.push(
      measured(ITEM, 'wire.firstLoad.bytes', 'First load, compressed (br)', load.bytes.browser, 'B', { note }),
      measured(ITEM, 'wire.firstLoad.uncompressedBytes', 'First load, uncompressed', load.bytes.identity, 'B', { note: `the same requests with Accept-Encoding: identity` }),
    );
  } catch (error) {
    figures.push(notMeasured(ITEM, 'wire.firstLoad', 'First load bytes', `it failed: ${errorText(error)}`));
  }

  const catalog = ctx.options.sizes.catalog.toLocaleString('en-US');
  ctx.progress(`first sync: the pull pages of ${catalog} products, compressed and not`);
  try {
    // A terminal of its own: the UI section's demo pairing retires the seeded terminal's device (its token answers 401).
    const { token } = await hub.createTerminal(hub.store.id);
    const browser = await firstSync(hub, token, 'browser');
    const gzip = await firstSync(hub, token, 'gzip');
    const identity = await firstSync(hub, token, 'identity');
    const note = `${browser.pages} pages of up to ${PULL_PAGE_LIMIT} rows, ${browser.rows} rows; gzip only ${kb(gzip.bytes)}; ${ratio(identity.bytes, browser.bytes)} smaller with br`;
    // Elapsed time on loopback, where bytes cost nothing and compression only adds work: setup information, not a figure.
    const ms = { browser: browser.ms, gzip: gzip.ms, identity: identity.ms };
    ctx.notes.wireFirstSync = { pages: browser.pages, rows: browser.rows, bytes: { browser: browser.bytes, gzip: gzip.bytes, identity: identity.bytes }, decodedBytes: identity.decodedBytes, loopbackMs: ms };
    figures.push(
      measured(ITEM, 'wire.firstSync.bytes', `First sync of ${catalog} products, compressed (br)`, browser.bytes, 'B', { note }),
      measured(ITEM, 'wire.firstSync.uncompressedBytes', `First sync of ${catalog} products, uncompressed`, identity.bytes, 'B', { note: 'the same pages with Accept-Encoding: identity' }),
    );
  } catch (error) {
    figures.push(notMeasured(ITEM, 'wire.firstSync', 'First sync bytes', `it failed: ${errorText(error)}`));
  }
  return figures;
}
