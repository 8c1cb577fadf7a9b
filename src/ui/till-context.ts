// What every screen needs from the app shell: the worker API, the paired store, money in the UI
// locale, and a way to tell staff something. Passed by context so screens stay small. Language and
// translations come from the I18n context (i18n/i18n-context.tsx).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Remote } from 'comlink';
import type { Pairing, StaffSessionView, TillApi } from '../api/till-api.ts';
import type { RequirePermission } from './staff/permission-gate.tsx';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { StoreSettings } from '@ezo/contract/store-settings';
import type { MoneyFormat } from '../domain/format-money.ts';
import type { ErrorAction } from './error-text.ts';

export type NoticeKind = 'info' | 'error';

export interface TillContext {
  api: Remote<TillApi>;
  /** The terminal, under its store's pulled settings (pairing-store.ts). */
  terminal: TerminalInfo;
  /** The store's settings from the hub (receipt header and footer, time zone, storage alarm); null before the first pull. */
  store: StoreSettings | null;
  /** The store's currency in the UI locale (screens); receipts format in the store's locale. */
  money: MoneyFormat;
  /** Shows a message in the app's live region (polite for info, assertive for errors). */
  notify: (text: string, kind?: NoticeKind) => void;
  /** Reports a failed worker call as a notice, in words for what staff were doing. */
  reportError: (e: unknown, action: ErrorAction) => void;
  /** Who is signed in (the shell shows only with someone signed in). */
  session: StaffSessionView;
  /**
   * The one permission gate (staff/permission-gate.tsx): true when the member may, or a manager
   * approved on this screen; false when staff cancelled. Call it right before the guarded worker call.
   */
  requirePermission: RequirePermission;
  /** A new pairing (Settings): the header, receipts and settings show the new terminal at once. */
  paired: (pairing: Pairing) => void;
}

export const TillContextValue = createContext<TillContext | null>(null);

export function useTill(): TillContext {
  const ctx = useContext(TillContextValue);
  if (ctx === null) throw new Error('useTill outside the till shell');
  return ctx;
}
