// What the sync engine is doing right now: the part of the status that is not stored (pulling,
// pushing, the first sync's progress). One small state object whose set() is the only way to
// change it; set() tells its subscribers, so nobody has to remember to refresh the status.
import type { SyncProgress } from '../api/till-api.ts';

export interface PhaseState {
  readonly pulling: boolean;
  readonly pushing: boolean;
  /** Progress of the first catalog download while it runs; null otherwise. */
  readonly firstSync: SyncProgress | null;
}

export interface EnginePhase {
  get(): PhaseState;
  /** Changes the fields given and, when any of them changed, tells every subscriber (synchronously). */
  set(change: Partial<PhaseState>): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

export const IDLE: PhaseState = { pulling: false, pushing: false, firstSync: null };

/** Pulling or pushing: the status bar says "Syncing…" (or "Downloading catalog…") whatever else it counts. */
export function isBusy(state: PhaseState): boolean {
  return state.pulling || state.pushing;
}

export function createEnginePhase(): EnginePhase {
  let state = IDLE;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change) {
      const next = { ...state, ...change };
      if (next.pulling === state.pulling && next.pushing === state.pushing && next.firstSync === state.firstSync) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
