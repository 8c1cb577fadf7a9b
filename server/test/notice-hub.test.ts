// The fan-out's bounds without a network: a stream whose client stops reading is cut off once its
// unsent bytes pass the bound (at a notice or a ping), not buffered for; notices are coalesced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { DEFAULT_LIVE_LIMITS } from '../src/live/live-limits.ts';
import { NoticeHub, type NoticeStream } from '../src/live/notice-hub.ts';

const STORE = '00000000-0000-4000-8000-000000000001';
const BOUND = 1_000;

/** A database whose only use here is LISTEN: the test calls notify() itself. */
const listeningDb = { listen: () => Promise.resolve(() => Promise.resolve()) } as unknown as Database;

function fakeStream(): NoticeStream & { unread: number; sent: bigint[]; pings: number; destroyed: boolean } {
  const s = {
    storeId: STORE,
    unread: 0,
    sent: [] as bigint[],
    pings: 0,
    destroyed: false,
    buffered: () => s.unread,
    changed: (v: bigint) => {
      s.sent.push(v);
      s.unread += 60; // the client reads nothing
    },
    ping: () => {
      s.pings++;
      s.unread += 8;
    },
    end: () => undefined,
    destroy: () => {
      s.destroyed = true;
    },
  };
  return s;
}

describe('notice hub', () => {
  afterEach(() => vi.useRealTimers());

  it('cuts off a reader whose unsent bytes pass the bound, and counts it', async () => {
    vi.useFakeTimers();
    const dropped = vi.fn();
    const hub = new NoticeHub(listeningDb, { ...DEFAULT_LIVE_LIMITS, maxBufferedBytes: BOUND, coalesceMs: 100, pingMs: 1_000 }, { dropped }, () => Date.now());
    const slow = fakeStream();
    const fine = fakeStream();
    expect((await hub.attach(slow)).ok).toBe(true);
    const admitted = await hub.attach(fine);
    expect(admitted.ok).toBe(true);
    for (let v = 1n; v <= 40n; v++) {
      hub.notify(STORE, v);
      fine.unread = 0; // this one reads
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(slow.destroyed).toBe(true);
    expect(slow.unread, 'buffered at most the bound plus one notice').toBeLessThanOrEqual(BOUND + 60);
    expect(dropped).toHaveBeenCalledTimes(1);
    expect(fine.destroyed).toBe(false);
    expect(fine.sent.at(-1)).toBe(40n);
    expect(hub.size).toBe(1);
  });

  it('a ping finds a reader that stopped even when nothing changes', async () => {
    vi.useFakeTimers();
    const hub = new NoticeHub(listeningDb, { ...DEFAULT_LIVE_LIMITS, maxBufferedBytes: BOUND, pingMs: 1_000 });
    const stuck = fakeStream();
    await hub.attach(stuck);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stuck.pings).toBe(1);
    stuck.unread = BOUND + 1;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stuck.destroyed).toBe(true);
    expect(hub.size).toBe(0);
  });

  it('coalesces a burst: the first notice at once, then one with the newest version per window', async () => {
    vi.useFakeTimers();
    const hub = new NoticeHub(listeningDb, { ...DEFAULT_LIVE_LIMITS, coalesceMs: 150 }, {}, () => Date.now());
    const s = fakeStream();
    await hub.attach(s);
    hub.notify('*', 5n);
    expect(s.sent).toEqual([5n]);
    for (let v = 6n; v <= 20n; v++) hub.notify(STORE, v);
    hub.notify(STORE, 3n); // older: never sent
    expect(s.sent).toEqual([5n]);
    await vi.advanceTimersByTimeAsync(150);
    expect(s.sent).toEqual([5n, 20n]);
    hub.notify('00000000-0000-4000-8000-000000000002', 30n); // another store's change
    await vi.advanceTimersByTimeAsync(500);
    expect(s.sent).toEqual([5n, 20n]);
  });
});
