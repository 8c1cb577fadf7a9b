// Status delivery: counts come from sync_queue each time, every listener hears each change, and a
// listener whose tab went away (it throws, or its Comlink proxy rejects) is dropped.
import { describe, expect, it, vi } from 'vitest';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import { STATUS_COALESCE_MS, createStatusHub, type LivePhase } from './status-hub.ts';
import { enqueue } from './outbox.ts';
import type { SyncStatus } from '../api/till-api.ts';

const idle: LivePhase = { paired: true, authorised: true, pulling: false, pushing: false, firstSync: null };

describe('status hub', () => {
  it('counts pending and failed rows from sync_queue on every build', async () => {
    const db = await openMigratedMemoryDb();
    const hub = createStatusHub(db, () => Promise.resolve(idle), () => true);
    expect(await hub.build()).toMatchObject({ pending: 0, failed: 0, online: true });
    await db.transaction(async (tx) => {
      for (const key of ['a', 'b', 'c']) {
        await enqueue(tx, { entityType: 'Sale', entityId: 1, action: 'CREATE', payload: {}, idempotencyKey: key, createdAt: '2026-01-01T00:00:00Z' });
      }
    });
    await db.run(`UPDATE sync_queue SET status = 2 WHERE idempotency_key = 'b'`);
    await db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = 'c'`);
    expect(await hub.build()).toMatchObject({ pending: 1, failed: 1 });
  });

  it('drops a listener that throws or whose proxy rejects, and keeps the others', async () => {
    const db = await openMigratedMemoryDb();
    const hub = createStatusHub(db, () => Promise.resolve(idle), () => false);
    const heard: SyncStatus[] = [];
    const throwing = vi.fn(() => {
      throw new Error('gone');
    });
    const rejecting = vi.fn(() => Promise.reject(new Error('port closed')));
    await hub.subscribe((s) => heard.push(s));
    await hub.subscribe(throwing);
    // A Comlink proxy returns a promise where the listener type says void: that is what is simulated here.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    await hub.subscribe(rejecting);
    await new Promise((r) => setTimeout(r, 0)); // let the rejection land
    hub.changed();
    hub.changed(); // coalesced with the one in flight, then delivered once more
    await hub.settled();
    expect(heard.length).toBeGreaterThanOrEqual(2);
    expect(heard.at(-1)).toMatchObject({ online: false, pending: 0 });
    expect(throwing).toHaveBeenCalledTimes(1);
    expect(rejecting).toHaveBeenCalledTimes(1);
  });

  it('sends a local write in the next task, and the engine\'s changes within the window after a status as one', async () => {
    const db = await openMigratedMemoryDb();
    vi.useFakeTimers();
    try {
      const hub = createStatusHub(db, () => Promise.resolve(idle), () => true);
      const heard: SyncStatus[] = [];
      await hub.subscribe((s) => heard.push(s));
      hub.changed(); // the first after a quiet spell: next task
      expect(heard).toHaveLength(1); // never synchronously: the caller answers first
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(2);

      for (let i = 0; i < 5; i++) hub.changed(); // engine progress right after a status
      await vi.advanceTimersByTimeAsync(STATUS_COALESCE_MS / 2);
      expect(heard).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(STATUS_COALESCE_MS);
      expect(heard).toHaveLength(3); // the five as one

      hub.changed(); // waits out the window...
      await db.transaction((tx) => enqueue(tx, { entityType: 'Sale', entityId: 1, action: 'CREATE', payload: {}, idempotencyKey: 'k', createdAt: '2026-01-01T00:00:00Z' }));
      hub.changed(true); // ...but a sale just queued brings it forward: no stale "All synced"
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(4);
      expect(heard.at(-1)).toMatchObject({ pending: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
