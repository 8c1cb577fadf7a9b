// The access-handle retry: which errors it retries, how often, and how long it waits.
import { describe, expect, it } from 'vitest';
import { TillError } from '../api/till-error.ts';
import { ACCESS_HANDLE_BACKOFF_CAP_MS, ACCESS_HANDLE_BACKOFF_MS, ACCESS_HANDLE_MAX_ATTEMPTS, isStuckAccessHandle, retryStuckAccessHandle } from './vfs-retry.ts';

const held = () => Object.assign(new Error('Access Handles cannot be created if there is another open Access Handle'), { name: 'NoModificationAllowedError' });

describe('retryStuckAccessHandle', () => {
  it('recognises the errors OPFS throws for a file another context holds, and only those', () => {
    expect(isStuckAccessHandle(held())).toBe(true);
    expect(isStuckAccessHandle(Object.assign(new Error('closing'), { name: 'InvalidStateError' }))).toBe(true);
    expect(isStuckAccessHandle(Object.assign(new Error('gone'), { name: 'NotFoundError' }))).toBe(false);
    expect(isStuckAccessHandle(new TillError('sqlite', 'constraint', { sqliteCode: 19 }))).toBe(false);
    expect(isStuckAccessHandle(null)).toBe(false);
  });

  it('retries with growing, capped waits until the handle is free', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryStuckAccessHandle(
      () => (++calls < 4 ? Promise.reject(held()) : Promise.resolve('open')),
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    expect(result).toBe('open');
    expect(waits).toEqual([ACCESS_HANDLE_BACKOFF_MS, ACCESS_HANDLE_BACKOFF_MS * 2, ACCESS_HANDLE_BACKOFF_MS * 4]);
  });

  it('gives up after the bounded number of attempts with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failure = retryStuckAccessHandle(
      () => {
        calls++;
        return Promise.reject(held());
      },
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    await expect(failure).rejects.toMatchObject({ name: 'NoModificationAllowedError' });
    expect(calls).toBe(ACCESS_HANDLE_MAX_ATTEMPTS);
    expect(Math.max(...waits)).toBeLessThanOrEqual(ACCESS_HANDLE_BACKOFF_CAP_MS);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failure = retryStuckAccessHandle(() => {
      calls++;
      return Promise.reject(new TillError('schema_too_new', 'newer'));
    });
    await expect(failure).rejects.toMatchObject({ code: 'schema_too_new' });
    expect(calls).toBe(1);
  });
});
