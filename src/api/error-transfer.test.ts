// Errors through a real Comlink round trip over a MessageChannel: a TillError keeps its name,
// code and SQLite code; other errors keep their name and message.
import { afterEach, describe, expect, it } from 'vitest';
import { expose, wrap } from 'comlink';
import { registerErrorTransfer } from './error-transfer.ts';
import { TillError, isTillError } from './till-error.ts';

registerErrorTransfer();

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function remote<T extends object>(target: T) {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(target, channel.port1);
  return wrap<T>(channel.port2);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('error transfer', () => {
  it('keeps a TillError recognisable by name and code', async () => {
    const api = remote({
      fail: () => Promise.reject(new TillError('sqlite', 'sales are immutable', { sqliteCode: 1811 })),
    });
    const error = await caught(api.fail());
    expect(isTillError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'TillError', code: 'sqlite', message: 'sales are immutable', sqliteCode: 1811 });
  });

  it('keeps the name and message of any other error, and a thrown string as it was', async () => {
    const api = remote({
      typeError: () => {
        throw new TypeError('not a function');
      },
      text: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is what this case is about
        throw 'plain text';
      },
    });
    expect(await caught(api.typeError())).toMatchObject({ name: 'TypeError', message: 'not a function' });
    expect(isTillError(await caught(api.typeError()))).toBe(false);
    expect(await caught(api.text())).toBe('plain text');
  });
});
