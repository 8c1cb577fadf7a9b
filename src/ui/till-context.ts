// What every screen needs from the app shell: the worker API, the paired store's money and time
// formats, and a way to tell staff something. Passed by context so screens stay small.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Remote } from 'comlink';
import type { TillApi } from '../api/till-api.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { MoneyFormat } from '../domain/format-money.ts';

export type NoticeKind = 'info' | 'error';

export interface TillContext {
  api: Remote<TillApi>;
  terminal: TerminalInfo;
  money: MoneyFormat;
  /** Shows a message in the app's live region (polite for info, assertive for errors). */
  notify: (text: string, kind?: NoticeKind) => void;
  /** Reports a failed worker call as a notice. */
  reportError: (e: unknown, doing: string) => void;
}

export const TillContextValue = createContext<TillContext | null>(null);

export function useTill(): TillContext {
  const ctx = useContext(TillContextValue);
  if (ctx === null) throw new Error('useTill outside the till shell');
  return ctx;
}
