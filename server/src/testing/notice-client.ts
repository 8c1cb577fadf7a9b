// A live notice stream client for tests and the bench: GET /api/v1/sync/notices with a device token,
// parsed with eventsource-parser (as the till does), every event kept with the time it arrived.
import { createParser } from 'eventsource-parser';
import { NOTICES_PATH } from '@ezo/contract/notices';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';

export interface ReceivedEvent {
  event: string;
  data: string;
  at: number;
}

export interface NoticeClient {
  /** The answer's status (200: streaming). */
  status: number;
  headers: Headers;
  /** The body of a refusal (not 200). */
  refusal: string;
  events: ReceivedEvent[];
  /** The `retry:` hint the hub sent, if any. */
  retryMs: number | null;
  /** Resolves when the hub ended the stream (or it broke). */
  ended: Promise<void>;
  /** The first event from `from` on (index into events) that matches, within timeoutMs. */
  next(match: (e: ReceivedEvent) => boolean, timeoutMs: number, from?: number): Promise<ReceivedEvent>;
  close(): void;
}

/** `onEvent` sees each event as it arrives (the bench's simulated tills pull from it). */
export async function openNoticeStream(baseUrl: string, token: string, onEvent?: (e: ReceivedEvent) => void): Promise<NoticeClient> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${NOTICES_PATH}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const client: NoticeClient = {
    status: res.status,
    headers: res.headers,
    refusal: '',
    events,
    retryMs: null,
    ended: Promise.resolve(),
    async next(match, timeoutMs, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found !== undefined) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms (got ${JSON.stringify(events.map((e) => e.event + ' ' + e.data))})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    close: () => controller.abort(),
  };
  if (res.status !== 200 || res.body === null) {
    client.refusal = await res.text();
    return client;
  }
  const parser = createParser({
    onEvent: (e) => {
      const received = { event: e.event ?? 'message', data: e.data, at: performance.now() };
      events.push(received);
      onEvent?.(received);
      for (const wake of [...waiters]) wake();
    },
    onRetry: (ms) => {
      client.retryMs = ms;
    },
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  client.ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    } catch {
      // aborted or cut off: ended either way
    }
  })();
  return client;
}
