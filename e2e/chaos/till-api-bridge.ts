// The chaos runs make most of their sales through the till's own Comlink API (the UI stays the path
// for a share of them). The app does not hand its worker to tests, so an init script records every
// Worker the page creates, and calls speak Comlink's wire protocol to it (APPLY -> RAW | throw).
import type { BrowserContext, Page } from '@playwright/test';
import type { TillApi } from '../../src/api/till-api.ts';

/** Installs the Worker recorder in every page of the context, before the app's scripts run. */
export async function recordWorkers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.Worker;
    const seen: Worker[] = [];
    (window as unknown as { __chaosWorkers: Worker[] }).__chaosWorkers = seen;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        seen.push(this);
      }
    };
  });
}

/** A refused call, as the worker's error transfer serialises it (src/api/error-transfer.ts). */
export interface ApiFailure {
  kind: string;
  code?: string;
  name?: string;
  message?: string;
}

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

type Method = keyof TillApi;

/** Calls one TillApi method in the page's database worker and returns its answer as data. */
export async function tryApi<M extends Method>(page: Page, method: M, ...args: Parameters<TillApi[M]>): Promise<ApiAnswer<Awaited<ReturnType<TillApi[M]>>>> {
  return page.evaluate(
    ([name, argList]) =>
      new Promise<ApiAnswer<never>>((resolve) => {
        const worker = (window as unknown as { __chaosWorkers?: Worker[] }).__chaosWorkers?.[0];
        if (worker === undefined) return resolve({ ok: false, error: { kind: 'bridge', message: 'the page has started no worker' } });
        const id = `chaos-${Math.random().toString(36).slice(2)}-${Date.now()}`;
        const onMessage = (event: MessageEvent) => {
          const data = event.data as { id?: string; type?: string; name?: string; value?: unknown } | null;
          if (data?.id !== id) return;
          worker.removeEventListener('message', onMessage);
          if (data.type === 'RAW') resolve({ ok: true, value: data.value as never });
          else resolve({ ok: false, error: (data.value ?? { kind: 'unknown' }) as ApiFailure });
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, type: 'APPLY', path: [name], argumentList: (argList as readonly unknown[]).map((value) => ({ type: 'RAW', value })) });
      }),
    [method, args] as const,
  );
}

/** As tryApi, but a refusal fails the test with the worker's message. */
export async function callApi<M extends Method>(page: Page, method: M, ...args: Parameters<TillApi[M]>): Promise<Awaited<ReturnType<TillApi[M]>>> {
  const answer = await tryApi(page, method, ...args);
  if (!answer.ok) throw new Error(`${method} refused: ${JSON.stringify(answer.error)}`);
  return answer.value;
}
