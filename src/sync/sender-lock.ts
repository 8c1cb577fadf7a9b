// One sender per device: the queue processor runs under the Web Lock 'ezo-sync-sender', so two
// tabs or workers never send the same item at once. Without navigator.locks (Node tests) one
// process-wide mutex gives the same guarantee to every sync service in the process, as the
// origin-wide Web Lock does in the browser.

export const SENDER_LOCK_NAME = 'ezo-sync-sender';

export type SenderLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** The process-wide queue of holders when there is no LockManager. */
let processTail: Promise<unknown> = Promise.resolve();

const processLock: SenderLock = <T>(fn: () => Promise<T>) => {
  const result = processTail.then(fn);
  processTail = result.catch(() => undefined);
  return result;
};

export function createSenderLock(locks: LockManager | null): SenderLock {
  if (locks === null) return processLock;
  return <T>(fn: () => Promise<T>) => locks.request(SENDER_LOCK_NAME, { mode: 'exclusive' }, fn) as Promise<T>;
}
