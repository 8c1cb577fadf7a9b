// The till's end of the hub's live notices (GET /api/v1/sync/notices, Server-Sent Events): while the
// till is paired and online it holds the stream, and asks the run loop for a pull when a notice's
// cursor is past its own (and once when the stream opens, for what happened while it was away). The
// stream only ever triggers pulls: the cursor still comes from pulls alone, and a till that cannot
// hold the stream (old hub, a proxy that buffers, a hub over its limit) syncs as before, by the
// periodic pull. fetch, not EventSource: EventSource cannot send the device token as a header (a token
// in the URL would end up in logs) and hides the status code a refused stream answers with.
//
//   ensure() (start, after every pass: pairing or network may have changed)
//       |
//       v
//     IDLE --paired, authorised, online--> CONNECTING --200--> OPEN --ready/changed--> request a pull
//       ^                                      |                  |
//       |   401/403/404/426: REFUSED for this  |                  |  ended, error, or silent past
//       |   pairing (a pull records why; a new |                  |  STREAM_SILENCE_MS
//       |   pairing or start tries again)      v                  v
//       +--------------------------------- WAITING (the hub's retry hint, Retry-After, or backoff) --+
import { createParser } from 'eventsource-parser';
import { NOTICES_PATH, NoticeEvent, isPastCursor, noticeSchemas } from '@ezo/contract/notices';
import { objectBuilder } from '@ezo/contract/strictness';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { backoffDelay, parseRetryAfter } from './backoff.ts';
import type { StoredPairing } from './pairing-store.ts';

/** A stream that has sent nothing (not even the hub's 25 s ping) this long is taken for dead: reconnect. */
export const STREAM_SILENCE_MS = 60_000;
/** Answers that mean "not with this pairing": the stream is not tried again until the pairing changes. */
const REFUSED_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 426]);

const notices = noticeSchemas(objectBuilder('lenient'));

export interface NoticeStreamDeps {
  fetch: typeof fetch;
  random: () => number;
  now: () => number;
  isOnline: () => boolean;
  pairing: () => Promise<StoredPairing | null>;
  /** The cursor the till holds (null before the first pull). */
  cursor: () => Promise<string | null>;
  /** Ask the run loop for a pull. */
  pull: () => void;
}

export interface NoticeStream {
  /** Opens the stream if it should be open and is not (no-op otherwise). */
  ensure(): void;
  /** Allows ensure() again after stop(). */
  start(): void;
  stop(): void;
  /** True while a stream is open (tests, status). */
  readonly open: boolean;
}

type State = { kind: 'idle' } | { kind: 'connecting' | 'open'; key: string; abort: AbortController } | { kind: 'waiting'; key: string; timer: ReturnType<typeof setTimeout> } | { kind: 'refused'; key: string };

const keyOf = (p: StoredPairing) => `${p.serverUrl}\n${p.token}`;

export function createNoticeStream(deps: NoticeStreamDeps): NoticeStream {
  let state: State = { kind: 'idle' };
  let stopped = false;
  let failures = 0;
  /** Serialises ensure(): the pairing is read asynchronously. */
  let checking = false;

  function cancel(): void {
    if (state.kind === 'connecting' || state.kind === 'open') state.abort.abort();
    if (state.kind === 'waiting') clearTimeout(state.timer);
    state = { kind: 'idle' };
  }

  async function check(): Promise<void> {
    const pairing = await deps.pairing();
    if (stopped) return;
    if (pairing === null || !pairing.authorised || !deps.isOnline()) {
      cancel();
      return;
    }
    const key = keyOf(pairing);
    if (state.kind !== 'idle' && state.key === key) return; // open, opening, waiting or refused for this pairing
    cancel();
    void connect(pairing, key);
  }

  function retryLater(key: string, hintMs: number | null): void {
    if (stopped) return;
    failures++;
    // The hub's hint (retry:, Retry-After) plus up to as much again at random: the tills of a closing
    // instance do not all come back in the same millisecond.
    const ms = hintMs === null ? backoffDelay(failures, deps.random) : hintMs + Math.floor(deps.random() * hintMs);
    const timer = setTimeout(() => {
      state = { kind: 'idle' };
      ensure();
    }, ms);
    state = { kind: 'waiting', key, timer };
  }

  async function connect(pairing: StoredPairing, key: string): Promise<void> {
    const abort = new AbortController();
    state = { kind: 'connecting', key, abort };
    const current = () => state.kind !== 'idle' && state.kind !== 'refused' && state.kind !== 'waiting' && state.abort === abort;
    let retryHint: number | null = null;
    let silence: ReturnType<typeof setTimeout> | null = null;
    const heard = () => {
      if (silence !== null) clearTimeout(silence);
      silence = setTimeout(() => abort.abort(), STREAM_SILENCE_MS);
    };
    try {
      const response = await deps.fetch.call(globalThis, `${pairing.serverUrl.replace(/\/+$/, '')}${NOTICES_PATH}`, {
        headers: { authorization: `Bearer ${pairing.token}`, accept: 'text/event-stream', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        signal: abort.signal,
      });
      if (!current()) return;
      if (REFUSED_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        state = { kind: 'refused', key };
        deps.pull(); // the pull meets the same refusal and records it, as it does without the stream
        return;
      }
      if (response.status !== 200 || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        retryLater(key, parseRetryAfter(response.headers.get('retry-after'), deps.now()));
        return;
      }
      state = { kind: 'open', key, abort };
      heard();
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === NoticeEvent.ready) {
            failures = 0;
            deps.pull();
          } else if (event.event === NoticeEvent.changed) void onChanged(event.data);
        },
        onRetry: (ms) => {
          retryHint = ms;
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heard();
        parser.feed(value);
      }
    } catch {
      // network failure, abort (stop, silence, a new pairing): handled below
    } finally {
      if (silence !== null) clearTimeout(silence);
    }
    if (current() && !stopped) retryLater(key, retryHint);
  }

  async function onChanged(data: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const notice = notices.changed.safeParse(json);
    if (!notice.success) return; // never acted on; the periodic pull still runs
    if (isPastCursor(notice.data.cursor, await deps.cursor())) deps.pull();
  }

  function ensure(): void {
    if (stopped || checking) return;
    checking = true;
    check()
      .catch(() => undefined)
      .finally(() => {
        checking = false;
      });
  }

  return {
    ensure,
    start() {
      stopped = false;
    },
    stop() {
      stopped = true;
      cancel();
    },
    get open() {
      return state.kind === 'open';
    },
  };
}
