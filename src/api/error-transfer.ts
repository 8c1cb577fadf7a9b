// Keeps errors intact across Comlink. Comlink's own "throw" handler sends only name, message and
// stack, so a TillError would arrive without its code; this replaces it on both sides (the worker
// and the page call registerErrorTransfer()) so the UI can branch on `code`, recognised by `name`.
import { transferHandlers, type TransferHandler } from 'comlink';
import { TillError, isTillError, type TillErrorCode } from './till-error.ts';

/** What crosses the MessagePort for a thrown value. */
type ThrownData =
  | { kind: 'till'; code: TillErrorCode; message: string; sqliteCode?: number }
  | { kind: 'error'; name: string; message: string }
  | { kind: 'value'; value: unknown };

/** Comlink's thrown-value wrapper: the value under `value`, marked with a symbol Comlink keeps private. */
interface Thrown {
  value: unknown;
}

const THROW_HANDLER = 'throw';

export function serializeThrown(value: unknown): ThrownData {
  if (isTillError(value)) {
    const sqliteCode = (value as { sqliteCode?: unknown }).sqliteCode;
    return typeof sqliteCode === 'number'
      ? { kind: 'till', code: value.code, message: value.message, sqliteCode }
      : { kind: 'till', code: value.code, message: value.message };
  }
  if (value instanceof Error) return { kind: 'error', name: value.name, message: value.message };
  // Anything else is sent as text: a thrown object may not survive structured clone.
  return { kind: 'value', value: typeof value === 'string' || typeof value === 'number' ? value : String(value) };
}

export function deserializeThrown(data: ThrownData): unknown {
  switch (data.kind) {
    case 'till':
      return new TillError(data.code, data.message, data.sqliteCode === undefined ? undefined : { sqliteCode: data.sqliteCode });
    case 'error': {
      const error = new Error(data.message);
      error.name = data.name;
      return error;
    }
    case 'value':
      return data.value;
  }
}

let registered = false;

/** Installs the handler; call once in the worker and once in the page, before any call crosses. */
export function registerErrorTransfer(): void {
  if (registered) return;
  const builtIn = transferHandlers.get(THROW_HANDLER);
  if (builtIn === undefined) throw new Error('Comlink has no "throw" transfer handler to replace');
  const handler: TransferHandler<Thrown, ThrownData> = {
    // Comlink marks thrown values with a private symbol; its own check is the only reliable test.
    canHandle: (value): value is Thrown => builtIn.canHandle(value),
    serialize: (thrown) => [serializeThrown(thrown.value), []],
    deserialize: (data) => {
      throw deserializeThrown(data);
    },
  };
  transferHandlers.set(THROW_HANDLER, handler);
  registered = true;
}
