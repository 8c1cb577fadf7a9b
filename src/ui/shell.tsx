// The paired till's frame: header with the screens, the always-visible sync status, the live
// regions for notices, and the global shortcuts (screens, help). The selling screen stays mounted
// while others show, so a cart survives a look at the history.
import type { Remote } from 'comlink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Pairing, SyncStatus, TillApi } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { errorText } from './error-text.ts';
import { HelpDialog } from './help-dialog.tsx';
import { LazyScreen } from './lazy-screen.tsx';
import { SellScreen } from './sell-screen.tsx';
import { dialogOpen, isTyping } from './shortcuts.ts';
import { SyncStatusBar } from './sync-status-bar.tsx';
import { TillContextValue, type NoticeKind, type TillContext } from './till-context.ts';
import { StorageWarning } from './pwa/storage-warning.tsx';
import { UpdateBanner } from './pwa/update-banner.tsx';
import { installSyncWakeups } from './pwa/sync-wakeups.ts';

/** How long a notice stays before it clears itself: errors longer, since they need reading. */
const NOTICE_MS = { info: 4000, error: 10000 } as const;

type ScreenId = 'sell' | 'history' | 'shift' | 'stock' | 'settings';

const loadHistory = () => import('./history-screen.tsx').then((m) => m.HistoryScreen);
const loadShift = () => import('./shift-screen.tsx').then((m) => m.ShiftScreen);
const loadStock = () => import('./stock-screen.tsx').then((m) => m.StockScreen);
const loadSettings = () => import('./settings-screen.tsx').then((m) => m.SettingsScreen);

const SCREENS: readonly { id: ScreenId; label: string }[] = [
  { id: 'sell', label: 'Sell' },
  { id: 'history', label: 'History' },
  { id: 'shift', label: 'Shift' },
  { id: 'stock', label: 'Stock' },
  { id: 'settings', label: 'Settings' },
];

interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
}

export function Shell(props: { api: Remote<TillApi>; pairing: Pairing; status: SyncStatus }) {
  const { api, pairing } = props;
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
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), NOTICE_MS[notice.kind]);
    return () => clearTimeout(t);
  }, [notice]);

  const ctx = useMemo<TillContext>(
    () => ({
      api,
      terminal,
      money: moneyFormat(terminal.currency, terminal.locale),
      notify,
      reportError: (e, doing) => notify(errorText(e, doing), 'error'),
    }),
    [api, terminal, notify],
  );

  // Pushes on `online`, on becoming visible, on a backoff timer and on service-worker wake-ups.
  useEffect(() => installSyncWakeups(api), [api]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && /^[1-5]$/.test(e.key) && !dialogOpen()) {
        const target = SCREENS[Number(e.key) - 1];
        if (target !== undefined) {
          e.preventDefault();
          setScreen(target.id);
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
          <nav aria-label="Screens" class="screen-nav">
            {SCREENS.map((s) => (
              <button
                key={s.id}
                type="button"
                class="nav-button"
                aria-current={screen === s.id ? 'page' : undefined}
                onClick={() => setScreen(s.id)}
              >
                {s.label}
              </button>
            ))}
          </nav>
          <button type="button" class="icon-button help-button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
        </header>
        <SyncStatusBar status={props.status} />
        <UpdateBanner saleInProgress={saleInProgress} />
        <StorageWarning status={props.status} api={api} />
        <div class="notices">
          <div role="status" aria-live="polite" class="notice notice-info">
            {notice?.kind === 'info' ? notice.text : ''}
          </div>
          <div role="alert" class="notice notice-error">
            {notice?.kind === 'error' ? notice.text : ''}
          </div>
        </div>
        <SellScreen active={screen === 'sell'} catalogStamp={props.status.lastPullAt} onSaleInProgress={setSaleInProgress} />
        {screen !== 'sell' && (
          <main class="screen" aria-label={SCREENS.find((s) => s.id === screen)?.label}>
            {screen === 'history' && <LazyScreen load={loadHistory} name="history" />}
            {screen === 'shift' && <LazyScreen load={loadShift} name="shift" />}
            {screen === 'stock' && <LazyScreen load={loadStock} name="stock" />}
            {screen === 'settings' && <LazyScreen load={loadSettings} name="settings" />}
          </main>
        )}
        {help && <HelpDialog onClose={() => setHelp(false)} />}
      </div>
    </TillContextValue.Provider>
  );
}
