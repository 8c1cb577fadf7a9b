// One owner per device: exactly one worker (one tab) holds the till's database. Exclusivity is a
// Web Lock; the handover is a request on a BroadcastChannel that the owner answers by closing its
// database cleanly and releasing the lock. Browsers do not freeze a tab that holds a Web Lock, so
// the owner can always answer unless its worker is stuck.
//
//   idle --start()--> owner | elsewhere      (a lock held by a closing page is waited for, briefly)
//   elsewhere|moved --takeOver()--> owner      (the old owner goes owner --> moved)
//   owner --release() (pagehide)--> idle
import type { Ownership } from '../api/till-api.ts';
import { TillError } from '../api/till-error.ts';

export const OWNER_LOCK = 'ezo-db-owner';
export const HANDOVER_CHANNEL = 'ezo-db-handover';
/**
 * How long a takeover waits for the owner to close before stealing the lock. Long enough for the
 * owner to finish a transaction and stop syncing; a request it never answers means its worker is
 * stuck, and a stuck owner must not lock staff out of the till.
 */
export const HANDOVER_WAIT_MS = 5_000;
/**
 * How long start() waits for a busy lock when no live owner answers: right after a reload the old
 * page's worker may still hold the lock for a moment, and the reloaded tab must not claim the till
 * is open elsewhere. A live owner answers at once, so a real second tab does not wait this long.
 */
export const START_WAIT_MS = 2_000;

export type OwnershipState = Ownership | 'idle';

export interface OwnershipHooks {
  /** Opens the database; runs while this context holds the owner lock. */
  open(): Promise<void>;
  /** Stops work and closes the database; in-flight statements finish first. */
  close(): Promise<void>;
  /** Told of every change after start() (a move, a take back). */
  changed(ownership: Ownership): void;
}

export interface OwnershipNames {
  lock: string;
  channel: string;
}

/** release: "close, I take over"; who: "is the database owned?"; owned: the owner's answer. */
interface HandoverMessage {
  type: 'release' | 'who' | 'owned';
}

export class DatabaseOwnership {
  private state: OwnershipState = 'idle';
  private releaseLock: (() => void) | null = null;
  private readonly channel: BroadcastChannel;
  /** Serialises start/takeOver/release/handover so two transitions never interleave. */
  private transition: Promise<unknown> = Promise.resolve();
  /** Set while start() waits for a busy lock: a live owner's answer ends the wait. */
  private ownerAnswered: (() => void) | null = null;

  constructor(
    private readonly hooks: OwnershipHooks,
    private readonly names: OwnershipNames = { lock: OWNER_LOCK, channel: HANDOVER_CHANNEL },
    private readonly handoverWaitMs = HANDOVER_WAIT_MS,
    private readonly startWaitMs = START_WAIT_MS,
  ) {
    this.channel = new BroadcastChannel(names.channel);
    this.channel.onmessage = (event: MessageEvent<HandoverMessage>) => {
      switch (event.data?.type) {
        case 'release':
          void this.serialise(() => this.relinquish('moved'));
          break;
        case 'who':
          if (this.state === 'owner') this.post('owned');
          break;
        case 'owned':
          this.ownerAnswered?.();
          break;
      }
    };
  }

  get current(): OwnershipState {
    return this.state;
  }

  /** Throws the TillError a call gets when this context does not own the database. */
  assertOwner(): void {
    if (this.state === 'owner') return;
    if (this.state === 'moved') throw new TillError('moved', 'The till moved to another tab; this tab no longer reads or writes.');
    throw new TillError('not_owner', 'The till is open in another tab.');
  }

  /** Takes the database if no other tab owns it. */
  start(): Promise<Ownership> {
    return this.serialise(async () => {
      if (this.state === 'owner') return this.state;
      const held = (await this.acquire({ ifAvailable: true })) || (await this.waitUnlessOwned());
      if (!held) {
        this.state = 'elsewhere';
        return this.state;
      }
      return this.becomeOwner();
    });
  }

  /** Asks the owner to close, waits for its lock (bounded), and opens the database here. */
  takeOver(): Promise<Ownership> {
    return this.serialise(async () => {
      if (this.state === 'owner') return this.state;
      this.post('release');
      let held = await this.acquire({ signal: AbortSignal.timeout(this.handoverWaitMs) });
      // The owner did not answer in time: its worker is stuck. Steal the lock rather than lock staff
      // out; the old owner learns it lost the lock and closes, and OPFS itself still admits one
      // access handle at a time, so the files are never written from two places.
      if (!held) held = await this.acquire({ steal: true });
      if (!held) throw new TillError('internal', 'Could not take the till over.');
      return this.becomeOwner();
    });
  }

  /** Closes the database and frees the lock without another tab asking (pagehide). */
  release(): Promise<void> {
    return this.serialise(() => this.relinquish('idle'));
  }

  /** Waits briefly for a lock a closing page may still hold; gives up as soon as a live owner answers. */
  private async waitUnlessOwned(): Promise<boolean> {
    const wait = new AbortController();
    const timer = setTimeout(() => wait.abort(), this.startWaitMs);
    this.ownerAnswered = () => wait.abort();
    try {
      this.post('who');
      return await this.acquire({ signal: wait.signal });
    } finally {
      clearTimeout(timer);
      this.ownerAnswered = null;
    }
  }

  private post(type: HandoverMessage['type']): void {
    this.channel.postMessage({ type } satisfies HandoverMessage);
  }

  private async becomeOwner(): Promise<Ownership> {
    try {
      await this.hooks.open();
    } catch (error) {
      this.freeLock();
      this.state = 'idle';
      throw error;
    }
    this.state = 'owner';
    this.hooks.changed('owner');
    return this.state;
  }

  private async relinquish(next: 'moved' | 'idle'): Promise<void> {
    if (this.state !== 'owner') return;
    // From here every new call is refused; calls already queued on the connection finish first.
    this.state = next;
    try {
      await this.hooks.close();
    } finally {
      this.freeLock();
      if (next === 'moved') this.hooks.changed('moved');
    }
  }

  private freeLock(): void {
    this.releaseLock?.();
    this.releaseLock = null;
  }

  /** Resolves true once the lock is held (kept until freeLock), false if not granted. */
  private acquire(options: LockOptions): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let granted = false;
      navigator.locks
        .request(this.names.lock, options, (lock) => {
          if (lock === null) {
            resolve(false);
            return undefined;
          }
          granted = true;
          resolve(true);
          return new Promise<void>((release) => {
            this.releaseLock = release;
          });
        })
        .catch(() => {
          if (!granted) {
            resolve(false); // the bounded wait ran out or was ended
            return;
          }
          // Another context stole the lock: stop using the database at once.
          this.releaseLock = null;
          void this.serialise(() => this.relinquish('moved'));
        });
    });
  }

  private serialise<T>(step: () => Promise<T>): Promise<T> {
    const result = this.transition.then(step, step);
    this.transition = result.catch(() => undefined);
    return result;
  }
}
