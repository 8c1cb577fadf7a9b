// Telling the sync service that something was queued, after the commit, so it pushes soon (the
// status needs no telling: it follows the commit). The record is saved by then: a failing listener
// must not make the UI believe the sale failed and record it twice.
import type { TillDataDeps } from '../../api/service-parts.ts';

export function notifyQueued(deps: Pick<TillDataDeps, 'onQueued'>): void {
  try {
    deps.onQueued();
  } catch (error) {
    console.error('onQueued listener failed; the queued item is pushed on the next sync', error);
  }
}
