// The shared msw handlers also script the network of a real Chromium page through
// @msw/playwright, as testers use them in e2e: faults in front, the real hub behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { defineNetworkFixture, type NetworkFixture } from '@msw/playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../../test-support/chromium.ts';
import { faults, hubHandlers } from '../../test-support/msw/handlers.ts';
import { hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { makeSale } from './testing/till-fixture.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';

let hub: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: NetworkFixture;

beforeAll(async () => {
  hub = await startHub();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  context = await browser.newContext();
  network = defineNetworkFixture({ context, handlers: hubHandlers(hub.url), onUnhandledRequest: 'bypass' });
  await network.enable();
  page = await context.newPage();
  await page.goto(`${hub.url}/api/v1/health`); // same origin as the API
});
afterAll(async () => {
  await network?.disable();
  await browser?.close();
  await hub?.stop();
});

/** fetch from the page; returns the status, or 'failed' when the network errored. */
function pageFetch(path: string, init: { method?: string; body?: string } = {}): Promise<number | 'failed'> {
  return page.evaluate(
    async ({ path, init, token, protocol }) => {
      try {
        const res = await fetch(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-ezo-protocol': protocol } });
        return res.status;
      } catch {
        return 'failed' as const;
      }
    },
    { path, init, token: hub.terminal.token, protocol: String(PROTOCOL_VERSION) },
  );
}

describe('msw handlers in Playwright', () => {
  it('injects a 500 once, then the real hub answers', async () => {
    network.use(...faults.serverError(hub.url, { path: 'terminal', times: 1 }));
    expect(await pageFetch('/api/v1/sync/terminal')).toBe(500);
    expect(await pageFetch('/api/v1/sync/terminal')).toBe(200);
  });

  it('scripts an offline network and a lost acknowledgement', async () => {
    network.use(...faults.offline(hub.url, { path: 'downstream', times: 1 }));
    expect(await pageFetch('/api/v1/sync/downstream')).toBe('failed');
    expect(await pageFetch('/api/v1/sync/downstream')).toBe(200);

    const terminal = (await (await fetch(`${hub.url}/api/v1/sync/terminal`, { headers: { authorization: `Bearer ${hub.terminal.token}` } })).json()) as TerminalInfo;
    const product = await hub.admin<{ uuid: string; name: string; sku: string; price: number; tax_rate_bp: number; tax_included: boolean }>('POST', '/api/v1/admin/products', {
      sku: 'PW-1',
      name: 'Playwright product',
      price: 100,
      tax_rate_bp: 0,
      tax_included: false,
    });
    const sale = makeSale(terminal, [product.body]);
    const body = JSON.stringify({ sync_id: 'pw-1', timestamp: new Date().toISOString(), changes: { sales: [sale], adjustments: [], products: [] } });
    network.use(...faults.lostAck(hub.url, { path: 'upstream', times: 1 }));
    expect(await pageFetch('/api/v1/sync/upstream', { method: 'POST', body })).toBe('failed');
    expect((await hubSaleCounts(hub)).get(sale.uuid)).toBe(1); // applied although the page never heard
  });
});
