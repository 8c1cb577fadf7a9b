// The bounds of the live notice streams (issue 19): a hub instance holds a long-lived connection per
// online till, so each resource it costs is capped here, and a till refused or cut off falls back to
// its periodic pull (nothing is lost, only later).

export interface LiveLimits {
  /** Streams open at once for one store on this instance (a store has a handful of tills). */
  maxPerStore: number;
  /** Streams open at once on this instance (each costs a socket and a few KiB). */
  maxPerInstance: number;
  /** A comment line this often keeps proxies and the idle timeout (timeouts.ts idleMs, 75 s) from closing an idle stream. */
  pingMs: number;
  /** At most one notice per stream this often; a burst of writes becomes one notice with the newest cursor. */
  coalesceMs: number;
  /** A stream whose unsent bytes (response and socket buffers) pass this is a slow reader: cut off. */
  maxBufferedBytes: number;
  /** Seconds a refused stream (over a limit) is told to wait (Retry-After). */
  retryAfterS: number;
}

export const MAX_STREAMS_PER_STORE = 64;
export const MAX_STREAMS_PER_INSTANCE = 2_000;
export const STREAM_PING_MS = 25_000;
export const NOTICE_COALESCE_MS = 150;
/** A notice is under 100 bytes: 64 KiB unread is hundreds of them, or a reader that stopped long ago. */
export const MAX_STREAM_BUFFERED_BYTES = 64 * 1024;
export const STREAM_REFUSED_RETRY_AFTER_S = 60;

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  maxPerStore: MAX_STREAMS_PER_STORE,
  maxPerInstance: MAX_STREAMS_PER_INSTANCE,
  pingMs: STREAM_PING_MS,
  coalesceMs: NOTICE_COALESCE_MS,
  maxBufferedBytes: MAX_STREAM_BUFFERED_BYTES,
  retryAfterS: STREAM_REFUSED_RETRY_AFTER_S,
};
