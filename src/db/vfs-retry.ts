// Waits, bounded and with backoff, while another context still holds the database's OPFS access
// handles: some Chrome versions release a reloaded page's handles late (TanStack/db#1844), and a tab
// that lost the owner lock by `steal` may still be closing. The wait happens before SQLite opens
// the file, with the plain OPFS API: when OPFSCoopSyncVFS itself meets a held handle it leaks the
// handles it did get for the journal and WAL files, and every later open in that worker fails.

/** Attempts before opening fails with the last error. */
export const ACCESS_HANDLE_MAX_ATTEMPTS = 6;
/** First wait between attempts; doubles each time up to the cap (about 3 s in all). */
export const ACCESS_HANDLE_BACKOFF_MS = 100;
export const ACCESS_HANDLE_BACKOFF_CAP_MS = 1_600;

/** DOMException names OPFS throws while another context holds the file. */
const RETRYABLE_DOM_NAMES = new Set(['NoModificationAllowedError', 'InvalidStateError']);

export function isStuckAccessHandle(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && RETRYABLE_DOM_NAMES.has(name);
}

export async function retryStuckAccessHandle<T>(attempt: () => Promise<T>, sleep: (ms: number) => Promise<void> = defaultSleep): Promise<T> {
  let delay = ACCESS_HANDLE_BACKOFF_MS;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= ACCESS_HANDLE_MAX_ATTEMPTS || !isStuckAccessHandle(error)) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, ACCESS_HANDLE_BACKOFF_CAP_MS);
    }
  }
}

/** The files OPFSCoopSyncVFS keeps an access handle on for one database. */
const DATABASE_FILE_SUFFIXES = ['', '-journal', '-wal'];

/** Resolves once this context could take (and at once gave back) every access handle of the database. */
export function waitForFreeAccessHandles(name: string, sleep: (ms: number) => Promise<void> = defaultSleep): Promise<void> {
  return retryStuckAccessHandle(async () => {
    const root = await navigator.storage.getDirectory();
    for (const suffix of DATABASE_FILE_SUFFIXES) {
      let file: FileSystemFileHandle;
      try {
        file = await root.getFileHandle(name + suffix);
      } catch (error) {
        if ((error as { name?: unknown }).name === 'NotFoundError') continue; // a new database
        throw error;
      }
      (await file.createSyncAccessHandle()).close();
    }
  }, sleep);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
