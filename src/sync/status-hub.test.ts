// Status delivery: counts come from sync_queue each time, every listener hears each change, and a
// listener whose tab went away (it throws, or its Comlink proxy rejects) is dropped.
import { describe, expect, it, vi } from 'vitest';
import { openMigratedMemoryDb } from '../../test-support/memory-db';
import { createStatusHub, type LivePhase } from './status-hub';
import { enqueue } from './outbox';
import type { SyncStatus } from '../api/till-api';

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
});
