// The till before selling: who is at the till? Tap a name, enter the PIN (checked in the worker
// against the pulled hash, offline). Shown after pairing, after the idle time, on "Switch cashier"
// and after a reload (the session lives in the worker and a reload starts a new one).
import type { Remote } from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import type { PinLockState, StaffSessionView, StaffView, SyncStatus, TillApi } from '../../api/till-api.ts';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { PinEntry } from './pin-entry.tsx';

export interface LockScreenProps {
  api: Remote<TillApi>;
  storeName: string;
  terminalName: string;
  /** The last pull: staff arrive with it, so the list is read again. */
  catalogStamp: string | null;
  /** A removed till says so here too (staff still sign in to export its sales). */
  status: SyncStatus;
  onSignedIn: (s: StaffSessionView) => void;
}

export function LockScreen(props: LockScreenProps) {
  const { api } = props;
  const { t, language } = useI18n();
  const [staff, setStaff] = useState<StaffView[] | null>(null);
  const [chosen, setChosen] = useState<StaffView | null>(null);
  const [lock, setLock] = useState<PinLockState | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Staff arrive with the pull: read the list again after each one.
  useEffect(() => {
    Promise.all([api.staff(), api.pinLockState()]).then(
      ([list, state]) => {
        setStaff(list);
        setLock(state);
      },
      (e: unknown) => setError(errorText(t, language, e, 'signIn')),
    );
  }, [api, props.catalogStamp]);

  return (
    <main class="setup lock-screen" aria-labelledby="lock-title">
      <div class="card setup-card">
        <p class="muted">
          {props.storeName} · {props.terminalName}
        </p>
        <h1 id="lock-title">{t('staff.lockTitle')}</h1>
        {props.status.removed !== null && (
          <p role="alert" class="form-error">
            {t(`sync.removedAlert.${props.status.removed}`)}
          </p>
        )}
        {staff === null || lock === null ? (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        ) : chosen === null ? (
          staff.length === 0 ? (
            <p role="status">{t('staff.noStaff')}</p>
          ) : (
            <>
              <p>{t('staff.lockIntro')}</p>
              <ul class="staff-list">
                {staff.map((s) => (
                  <li key={s.id}>
                    <button type="button" class="big staff-name" onClick={() => setChosen(s)}>
                      {s.displayName}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : (
          <>
            <PinEntry
              label={t('staff.pinFor', { name: chosen.displayName })}
              submitLabel={t('staff.signIn')}
              who={chosen.displayName}
              lockedUntil={lock.lockedUntil}
              check={(pin) => api.signIn(chosen.id, pin)}
              onOk={props.onSignedIn}
              onError={(e) => setError(errorText(t, language, e, 'signIn'))}
            />
            <button type="button" class="link-button" onClick={() => setChosen(null)}>
              {t('staff.back')}
            </button>
          </>
        )}
        {error !== null && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
