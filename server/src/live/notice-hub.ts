// One hub instance's live notice streams: which till streams are open (by store), and the fan-out of
// the database's change notifications (LISTEN on ONE connection per instance, opened with the first
// stream) to the streams a change concerns. Per stream, notices are coalesced: the first goes out at
// once, later ones at most every coalesceMs, carrying the newest cursor. A stream whose client does not
// read is cut off when its unsent bytes pass maxBufferedBytes, checked at every write and every ping,
// so no client makes the hub buffer without limit.
import type { Database, Unlisten } from '../db/database.ts';
import { CHAIN_SCOPE, CHANGE_CHANNEL, parseChange } from './change-channel.ts';
import type { LiveLimits } from './live-limits.ts';

/** A till's open stream, as the hub writes to it (routes/notice-routes.ts adapts the SSE reply). */
export interface NoticeStream {
  readonly storeId: string;
  /** Bytes written and not yet taken by the client. */
  buffered(): number;
  /** Writes a `changed` notice; the cursor is the pull cursor encoding of the version. */
  changed(version: bigint): void;
  /** A comment line. */
  ping(): void;
  /** Ends the stream and tells the client to reconnect after retryMs (graceful shutdown). */
  end(retryMs: number): void;
  /** Cuts the connection (a slow reader). */
  destroy(): void;
}

export type Admission = { ok: true; detach: () => void } | { ok: false; reason: 'store_limit' | 'instance_limit' | 'unavailable' };

export interface NoticeHubEvents {
  /** A stream was cut off for not reading. */
  dropped?(): void;
  /** The listening connection failed (logged by the caller). */
  listenFailed?(err: unknown): void;
}

interface Entry {
  stream: NoticeStream;
  /** Newest version not yet sent, or null. */
  pending: bigint | null;
  /** The newest version sent (a notice never goes back). */
  sent: bigint;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export class NoticeHub {
  readonly #db: Database;
  readonly #limits: LiveLimits;
  readonly #events: NoticeHubEvents;
  readonly #now: () => number;
  readonly #byStore = new Map<string, Set<Entry>>();
  #count = 0;
  #listening: Promise<Unlisten> | null = null;
  #ping: ReturnType<typeof setInterval> | null = null;
  #closed = false;

  constructor(db: Database, limits: LiveLimits, events: NoticeHubEvents = {}, now: () => number = Date.now) {
    this.#db = db;
    this.#limits = limits;
    this.#events = events;
    this.#now = now;
  }

  /** Open streams on this instance (the live connections gauge). */
  get size(): number {
    return this.#count;
  }

  /**
   * Admits a stream within the limits, after the listening connection is up (so no change committed
   * from now on is missed); `detach` when the stream closes.
   */
  async attach(stream: NoticeStream): Promise<Admission> {
    if (this.#closed) return { ok: false, reason: 'unavailable' };
    if (this.#count >= this.#limits.maxPerInstance) return { ok: false, reason: 'instance_limit' };
    if ((this.#byStore.get(stream.storeId)?.size ?? 0) >= this.#limits.maxPerStore) return { ok: false, reason: 'store_limit' };
    try {
      await this.#listen();
    } catch (err) {
      this.#events.listenFailed?.(err);
      return { ok: false, reason: 'unavailable' };
    }
    // Checked again: other streams may have been admitted while the listen was awaited.
    const set = this.#byStore.get(stream.storeId) ?? new Set<Entry>();
    if (this.#closed) return { ok: false, reason: 'unavailable' };
    if (this.#count >= this.#limits.maxPerInstance) return { ok: false, reason: 'instance_limit' };
    if (set.size >= this.#limits.maxPerStore) return { ok: false, reason: 'store_limit' };
    const entry: Entry = { stream, pending: null, sent: -1n, lastSentAt: 0, timer: null };
    set.add(entry);
    this.#byStore.set(stream.storeId, set);
    this.#count++;
    this.#ping ??= setInterval(() => this.#pingAll(), this.#limits.pingMs);
    this.#ping.unref();
    return { ok: true, detach: () => this.#detach(entry) };
  }

  /** A change committed: tell the streams it concerns. */
  notify(scope: string, version: bigint): void {
    if (scope === CHAIN_SCOPE) {
      for (const set of this.#byStore.values()) for (const entry of set) this.#offer(entry, version);
    } else {
      for (const entry of this.#byStore.get(scope) ?? []) this.#offer(entry, version);
    }
  }

  /** Ends every stream with a retry hint and stops listening (the app is closing). */
  async close(retryMs: number): Promise<void> {
    this.#closed = true;
    if (this.#ping !== null) clearInterval(this.#ping);
    this.#ping = null;
    for (const set of [...this.#byStore.values()]) {
      for (const entry of [...set]) {
        this.#detach(entry);
        entry.stream.end(retryMs);
      }
    }
    const listening = this.#listening;
    this.#listening = null;
    if (listening !== null) await (await listening.catch(() => null))?.();
  }

  #listen(): Promise<Unlisten> {
    const listening = (this.#listening ??= this.#db.listen(CHANGE_CHANNEL, {
      notify: (payload) => {
        const change = parseChange(payload);
        if (change !== null) this.notify(change.scope, change.version);
      },
      missed: () => void this.#recheckAll(),
    }));
    listening.catch(() => {
      if (this.#listening === listening) this.#listening = null; // the next stream tries again
    });
    return listening;
  }

  /**
   * The listening connection was lost and is back: changes committed meanwhile were not heard. Every
   * stream gets the newest version issued so far (at least every committed one), so each till pulls.
   */
  async #recheckAll(): Promise<void> {
    try {
      const rows = await this.#db.query<{ v: string }>(`SELECT last_value::text AS v FROM change_version`);
      const version = BigInt(rows[0]?.v ?? '0');
      this.notify(CHAIN_SCOPE, version);
    } catch (err) {
      this.#events.listenFailed?.(err);
    }
  }

  #offer(entry: Entry, version: bigint): void {
    if (version <= entry.sent || (entry.pending !== null && version <= entry.pending)) return;
    entry.pending = version;
    if (entry.timer !== null) return;
    const wait = entry.lastSentAt + this.#limits.coalesceMs - this.#now();
    if (wait <= 0) this.#flush(entry);
    else entry.timer = setTimeout(() => this.#flush(entry), wait);
  }

  #flush(entry: Entry): void {
    entry.timer = null;
    if (entry.pending === null) return;
    const version = entry.pending;
    entry.pending = null;
    if (!this.#roomFor(entry)) return;
    entry.sent = version;
    entry.lastSentAt = this.#now();
    entry.stream.changed(version);
  }

  #pingAll(): void {
    for (const set of [...this.#byStore.values()]) for (const entry of [...set]) if (this.#roomFor(entry)) entry.stream.ping();
  }

  /** False (and the stream cut off) when the client has left too much unread. */
  #roomFor(entry: Entry): boolean {
    if (entry.stream.buffered() <= this.#limits.maxBufferedBytes) return true;
    this.#detach(entry);
    entry.stream.destroy();
    this.#events.dropped?.();
    return false;
  }

  #detach(entry: Entry): void {
    const set = this.#byStore.get(entry.stream.storeId);
    if (set === undefined || !set.delete(entry)) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    this.#count--;
    if (set.size === 0) this.#byStore.delete(entry.stream.storeId);
    if (this.#count === 0 && this.#ping !== null) {
      clearInterval(this.#ping);
      this.#ping = null;
    }
  }
}
