// Keeping unsynced sales on this device: asks the browser to make the till's storage persistent (so it is not
// evicted under storage pressure or after days unused) and reads how much is stored. Data lives in OPFS.
import { DEFAULT_STORAGE_ALARM_HOURS } from '@ezo/contract/limits';

const HOUR_MS = 60 * 60_000;

/** Browsers that prompt (Firefox) are asked again at most this often after staff declined. */
export const PERSIST_REASK_MS = 7 * 24 * 60 * 60_000;
/** localStorage key holding when persistence was last asked for (epoch ms). */
export const PERSIST_ASKED_KEY = 'ezo.persist-asked-at';

export interface StorageState {
  /** null where the browser cannot say (no StorageManager.persisted). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
}

export async function readStorageState(): Promise<StorageState> {
  const storage = storageManager();
  if (storage === null) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    typeof storage.persisted === 'function' ? storage.persisted().catch(() => null) : Promise.resolve(null),
    typeof storage.estimate === 'function' ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Asks for persistent storage now (a staff click, the app being installed). Resolves with the browser's answer. */
export async function requestPersistence(): Promise<boolean> {
  const storage = storageManager();
  if (storage === null || typeof storage.persist !== 'function') return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/**
 * Call after each recorded sale: the first sale is when data worth keeping exists. Asks only when storage is not
 * persistent yet and not asked within PERSIST_REASK_MS, so a browser that prompts does not nag at every sale.
 */
export async function requestPersistenceAfterSale(now: () => number = Date.now): Promise<boolean> {
  const storage = storageManager();
  if (storage === null || typeof storage.persist !== 'function') return false;
  try {
    if (await storage.persisted()) return true;
    const askedAt = Number(localStorage.getItem(PERSIST_ASKED_KEY) ?? 'NaN');
    if (Number.isFinite(askedAt) && now() - askedAt < PERSIST_REASK_MS) return false;
    localStorage.setItem(PERSIST_ASKED_KEY, String(now()));
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Installing the app is the strongest signal Chromium uses to grant persistence: ask right then. */
export function installPersistenceOnInstall(): () => void {
  const onInstalled = () => void requestPersistence();
  window.addEventListener('appinstalled', onInstalled);
  return () => window.removeEventListener('appinstalled', onInstalled);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const BYTES_PER_UNIT = 1024;

/** "512 B", "1.5 MB" ("1,5 MB" in de), "12 GB": one decimal below 10 units, none above. */
export function formatBytes(bytes: number, locale = 'en'): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= BYTES_PER_UNIT && unit < BYTE_UNITS.length - 1) {
    value /= BYTES_PER_UNIT;
    unit += 1;
  }
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1, useGrouping: false }).format(value);
  return `${text} ${BYTE_UNITS[unit]}`;
}

/**
 * How long unsynced work may wait on a till whose storage is not persistent before it is an alarm.
 * A short outage or a sale not yet pushed is normal and shows only as the count in the status bar.
 * (The store will set this in its settings once they sync; until then the default holds.)
 */
export const UNSYNCED_ALARM_AFTER_MS = DEFAULT_STORAGE_ALARM_HOURS * HOUR_MS;

/** The store's alarm threshold (StoreSettings.storage_alarm_hours) in milliseconds; the default without one. */
export function alarmThresholdMs(storageAlarmHours: number | null): number {
  return storageAlarmHours === null ? UNSYNCED_ALARM_AFTER_MS : storageAlarmHours * HOUR_MS;
}
/** Storage used beyond this share of the quota is an alarm whether or not anything is unsynced. */
export const QUOTA_ALARM_SHARE = 0.9;

export interface RiskInput {
  storage: StorageState;
  /** When the oldest unsynced item was made; null when nothing waits. */
  oldestUnsyncedAt: string | null;
  now: number;
  thresholdMs?: number;
}

/**
 * Data is really at risk: storage is not known to be persistent and work has waited unsynced longer
 * than the threshold, or the quota is nearly full (the next sale may not be stored).
 */
export function atRiskOfEviction(input: RiskInput): 'unsynced' | 'quota' | null {
  const { storage } = input;
  if (storage.usageBytes !== null && storage.quotaBytes !== null && storage.quotaBytes > 0 && storage.usageBytes >= storage.quotaBytes * QUOTA_ALARM_SHARE) return 'quota';
  if (storage.persisted === true || input.oldestUnsyncedAt === null) return null;
  const waited = input.now - Date.parse(input.oldestUnsyncedAt);
  return waited > (input.thresholdMs ?? UNSYNCED_ALARM_AFTER_MS) ? 'unsynced' : null;
}
