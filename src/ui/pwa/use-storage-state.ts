// Preact hook over readStorageState(): re-read on demand (after a persist request, an export, a sale).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { readStorageState, type StorageState } from './storage-safety.ts';

export function useStorageState(): { state: StorageState | null; refresh: () => void } {
  const [state, setState] = useState<StorageState | null>(null);
  const refresh = useCallback(() => {
    readStorageState().then(setState, () => setState({ persisted: null, usageBytes: null, quotaBytes: null }));
  }, []);
  useEffect(refresh, [refresh]);
  return { state, refresh };
}
