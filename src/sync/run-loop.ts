// The scheduler: one sync pass at a time; what is asked for during a pass is merged into the next.
//
//            start(): app start         syncNow(), online event,       a local write
//            every SYNC_INTERVAL_MS     service-worker wake-up         (debounced PUSH_DEBOUNCE_MS),
//            (these also revive rows parked after transient failures, once the pull gets an answer)
//                 |                             |                       retry timer (earliest
//                 +-------------+---------------+                       next_attempt_at)
//                               v                                               |
//   +------> IDLE ---------> request {pull, push} <-----------------------------+
//   |                               |
//   |        not paired / not authorised (401) / offline: nothing is sent; status says why
//   |                               v
//   |                          PULLING  (pages until has_more = false; a 401 marks unauthorised)
//   |                               v
//   |                          PUSHING  (under the sender lock; see push.ts for one item's states)
//   |                               |--- server reachable again after a failure, or a product edit
//   |                               |    answered: request a pull (the hub's version must arrive)
//   |                               v
//   +---------------------- arm the retry timer at the earliest future next_attempt_at
//
// The triggers are in sync-triggers.ts, one pass (PULLING, PUSHING) in sync-pass.ts.

export interface Wanted {
  pull: boolean;
  push: boolean;
  /**
   * Staff or the device asked (Sync now, online, a service-worker wake-up, the periodic timer, app
   * start): rows parked after MAX_ATTEMPTS transient failures go out again if the hub answers the pull.
   * Local-write and retry-timer passes do not revive them, so a hub that keeps failing is not hammered.
   */
  revive: boolean;
}

/** One pass. `more` asks for another pass after this one (merged with any request meanwhile). */
export type SyncPass = (wanted: Wanted, more: (w: Partial<Wanted>) => void) => Promise<void>;

export interface RunLoop {
  /** Resolves when the passes that cover this request are done (at once when stopped). */
  request(w: Partial<Wanted>): Promise<void>;
  /** No pass may start, or write, after stop() until start(). */
  readonly stopped: boolean;
  start(): void;
  /** Stops at once; the returned promise resolves when the pass in flight has returned. */
  stop(): Promise<void>;
}

const NOTHING: Wanted = { pull: false, push: false, revive: false };

function merge(a: Wanted, b: Partial<Wanted>): Wanted {
  return { pull: a.pull || (b.pull ?? false), push: a.push || (b.push ?? false), revive: a.revive || (b.revive ?? false) };
}

/** `afterPass` runs after every pass that was not stopped (arming the retry timer); its failure is ignored. */
export function createRunLoop(pass: SyncPass, afterPass: () => Promise<void>): RunLoop {
  let stopped = false;
  let wanted = NOTHING;
  let loop: Promise<void> | null = null;
  const more = (w: Partial<Wanted>) => {
    wanted = merge(wanted, w);
  };

  async function run(): Promise<void> {
    await Promise.resolve(); // `loop` is assigned before anything below can finish
    try {
      while ((wanted.pull || wanted.push) && !stopped) {
        const w = wanted;
        wanted = NOTHING;
        await pass(w, more);
        if (!stopped) await afterPass().catch(() => undefined);
      }
    } finally {
      loop = null;
    }
  }

  return {
    request(w) {
      if (stopped) return Promise.resolve();
      more(w);
      loop ??= run();
      return loop;
    },
    get stopped() {
      return stopped;
    },
    start() {
      stopped = false;
    },
    stop() {
      stopped = true;
      return loop ?? Promise.resolve();
    },
  };
}
