// The paired till's frame: header with the screens, the always-visible sync status with the notice
// area beside it, and the global shortcuts (screens, help). The selling screen stays mounted while
// others show, so a cart survives a look at the history.
//
// Notices never cover a control: they have their own place in the layout, beside the sync status,
// reserved whether or not a notice shows (no layout shift when one appears). Few things notify:
// errors, and results that show nowhere else; a scan or a sale does not.
import type { Remote } from 'comlink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Pairing, StaffSessionView, SyncStatus, TillApi } from '../api/till-api.ts';
import { usePermissionGate } from './staff/permission-gate.tsx';
import { useIdleLock } from './staff/use-idle-lock.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { errorText } from './error-text.ts';
import { HelpDialog } from './help-dialog.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { LazyScreen } from './lazy-screen.tsx';
import { SellScreen } from './sell-screen.tsx';
import { dialogOpen, isTyping } from './shortcuts.ts';
import { SyncStatusBar } from './sync-status-bar.tsx';
import { TillContextValue, type NoticeKind, type TillContext } from './till-context.ts';
import { useBarcodeScanner } from './use-barcode-scanner.ts';
import { UpdateBanner } from './pwa/update-banner.tsx';
import { installSyncWakeups } from './pwa/sync-wakeups.ts';

/** How long a notice stays before it clears itself: errors longer, since they need reading. */
const NOTICE_MS = { info: 4000, error: 10000 } as const;

type ScreenId = 'sell' | 'history' | 'shift' | 'stock' | 'settings';

const loadHistory = () => import('./history-screen.tsx').then((m) => m.HistoryScreen);
const loadShift = () => import('./shift-screen.tsx').then((m) => m.ShiftScreen);
const loadStock = () => import('./stock/stock-screen.tsx').then((m) => m.StockScreen);
const loadSettings = () => import('./settings-screen.tsx').then((m) => m.SettingsScreen);

/** In Alt+1 … Alt+5 order. */
const SCREENS: readonly ScreenId[] = ['sell', 'history', 'shift', 'stock', 'settings'];
/** Screens where a scan has no meaning of its own: it is caught and explained, not typed into a field. */
const SCAN_EXPLAINED_ON: ReadonlySet<ScreenId> = new Set(['shift']);

interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
}

export interface ShellProps {
  api: Remote<TillApi>;
  pairing: Pairing;
  status: SyncStatus;
  session: StaffSessionView;
  /** Settings paired the till again: the app takes the new pairing everywhere at once. */
  onPaired: (pairing: Pairing) => void;
  /** Idle time or "Switch cashier": back to the lock screen. */
  onLocked: () => void;
}

export function Shell(props: ShellProps) {
  const { api, pairing, session, onLocked } = props;
  const { t, language, locale } = useI18n();
  const terminal = pairing.terminal;
  const [screen, setScreen] = useState<ScreenId>('sell');
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // An update reloads the page: never offered while a cart has lines or a payment is open.
  const [saleInProgress, setSaleInProgress] = useState(false);
  const noticeId = useRef(0);

  const notify = useCallback((text: string, kind: NoticeKind = 'info') => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, kind });
  }, []);
  useEffect(() => {
    if (notice === null) return undefined;
    const timer = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), NOTICE_MS[notice.kind]);
    return () => clearTimeout(timer);
  }, [notice]);

  const { requirePermission, dialog: approvalDialog } = usePermissionGate(api, session, (name) => notify(t('staff.approved', { name })));
  useIdleLock(terminal.idle_lock_seconds, true, onLocked);

  const ctx = useMemo<TillContext>(
    () => ({
      api,
      terminal,
      store: pairing.store,
      money: moneyFormat(terminal.currency, locale),
      notify,
      reportError: (e, action) => notify(errorText(t, language, e, action), 'error'),
      session,
      requirePermission,
      paired: props.onPaired,
    }),
    [api, terminal, pairing.store, notify, locale, t, language, session, requirePermission, props.onPaired],
  );

  // Pushes on `online`, on becoming visible, on a backoff timer and on service-worker wake-ups.
  useEffect(() => installSyncWakeups(api), [api]);

  useBarcodeScanner(SCAN_EXPLAINED_ON.has(screen), (code) => notify(t('shell.scanNotHere', { code }), 'error'));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && /^[1-5]$/.test(e.key) && !dialogOpen()) {
        const target = SCREENS[Number(e.key) - 1];
        if (target !== undefined) {
          e.preventDefault();
          setScreen(target);
        }
      } else if (e.key === 'F1' || (e.key === '?' && !isTyping(e.target) && !dialogOpen())) {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <TillContextValue.Provider value={ctx}>
      <div class="shell">
        <header class="top-bar">
          <div class="brand">
            <span class="store-name">{terminal.store_name}</span>
            <span class="terminal-name">{terminal.terminal_name}</span>
          </div>
          <div class="cashier">
            <span class="cashier-name">{t('staff.signedInAs', { name: session.staff.displayName })}</span>
            <button type="button" class="small" onClick={onLocked}>
              {t('staff.switchCashier')}
            </button>
          </div>
          <nav aria-label={t('shell.screensNav')} class="screen-nav">
            {SCREENS.map((id) => (
              <button key={id} type="button" class="nav-button" aria-current={screen === id ? 'page' : undefined} onClick={() => setScreen(id)}>
                {t(`shell.screens.${id}`)}
              </button>
            ))}
          </nav>
          <button type="button" class="icon-button help-button" aria-label={t('shell.shortcutsButton')} onClick={() => setHelp(true)}>
            ?
          </button>
        </header>
        <div class="status-row">
          <SyncStatusBar status={props.status} />
          <div class="notices">
            <div role="status" aria-live="polite" class="notice notice-info">
              {notice?.kind === 'info' ? notice.text : ''}
            </div>
            <div role="alert" class="notice notice-error">
              {notice?.kind === 'error' ? notice.text : ''}
            </div>
            {notice !== null && (
              <button type="button" class="icon-button notice-dismiss" aria-label={t('shell.dismiss')} onClick={() => setNotice(null)}>
                ×
              </button>
            )}
          </div>
        </div>
        <UpdateBanner saleInProgress={saleInProgress} />
        <SellScreen active={screen === 'sell'} catalogStamp={props.status.lastPullAt} onSaleInProgress={setSaleInProgress} />
        {screen !== 'sell' && (
          <main class="screen" aria-label={t(`shell.screens.${screen}`)}>
            {screen === 'history' && <LazyScreen load={loadHistory} />}
            {screen === 'shift' && <LazyScreen load={loadShift} />}
            {screen === 'stock' && <LazyScreen load={loadStock} />}
            {screen === 'settings' && <LazyScreen load={loadSettings} />}
          </main>
        )}
        {help && <HelpDialog onClose={() => setHelp(false)} />}
        {approvalDialog}
      </div>
    </TillContextValue.Provider>
  );
}
