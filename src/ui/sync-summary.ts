// What the sync status bar says, from the worker's status alone. Honest by construction: "All
// synced" only when nothing is pending or failed, whatever the last sync time says.
import type { SyncStatus } from '../api/till-api.ts';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'bad';

export interface SyncSummary {
  tone: SyncTone;
  /** Short headline: "Offline", "Syncing…", "3 pending", "All synced". */
  headline: string;
}

export function syncSummary(s: SyncStatus): SyncSummary {
  if (!s.authorised) return { tone: 'bad', headline: 'Terminal not authorised' };
  if (s.firstSync !== null) return { tone: 'busy', headline: 'Downloading catalog…' };
  const waiting = s.pending > 0 ? `${s.pending} pending` : null;
  if (!s.online) return { tone: 'warn', headline: waiting === null ? 'Offline' : `Offline · ${waiting}` };
  if (s.failed > 0) return { tone: 'bad', headline: `${s.failed} failed to sync` };
  if (s.pulling || s.pushing) return { tone: 'busy', headline: waiting === null ? 'Syncing…' : `Syncing · ${waiting}` };
  if (waiting !== null) return { tone: 'warn', headline: waiting };
  return { tone: 'ok', headline: 'All synced' };
}

/** The later of the last pull and the last push, or null when neither happened. */
export function lastSyncedAt(s: SyncStatus): string | null {
  if (s.lastPullAt === null) return s.lastPushAt;
  if (s.lastPushAt === null) return s.lastPullAt;
  return Date.parse(s.lastPullAt) >= Date.parse(s.lastPushAt) ? s.lastPullAt : s.lastPushAt;
}

/** 0..1 share of the first catalog download, or null when the hub gave no estimate. */
export function firstSyncShare(s: SyncStatus): number | null {
  const p = s.firstSync;
  if (p === null || p.remaining === null) return null;
  const all = p.rows + p.remaining;
  return all === 0 ? 1 : p.rows / all;
}
