// The back office: asks the hub who is signed in, then shows the shell or the sign-in screen. Any call
// answered 401 (the session expired or ended elsewhere) returns to sign-in with a notice.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider } from 'preact-iso';
import type { BackOfficeSession } from '@ezo/contract/backoffice';
import { onSessionEnded } from './api/client.ts';
import { currentSession, signOut } from './api/session.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { SignInScreen } from './screens/sign-in/sign-in-screen.tsx';
import { can, SessionContext, type SessionValue } from './session-context.tsx';
import { Shell } from './shell.tsx';

type State = { kind: 'loading' } | { kind: 'signed-out'; ended: boolean } | { kind: 'signed-in'; session: BackOfficeSession };

export function App() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void currentSession().then((result) => setState(result.ok ? { kind: 'signed-in', session: result.value } : { kind: 'signed-out', ended: false }));
    onSessionEnded(() => setState({ kind: 'signed-out', ended: true }));
    return () => onSessionEnded(undefined);
  }, []);
  useEffect(() => {
    document.getElementById('app')?.setAttribute('data-bo-state', state.kind);
  }, [state.kind]);

  const doSignOut = useCallback(async () => {
    await signOut();
    setState({ kind: 'signed-out', ended: false });
  }, []);
  const session = state.kind === 'signed-in' ? state.session : null;
  const value = useMemo<SessionValue | null>(
    () => (session === null ? null : { session, can: (permission, storeId) => can(session, permission, storeId), signOut: doSignOut }),
    [session, doSignOut],
  );

  if (state.kind === 'loading') {
    return (
      <p class="bo-loading" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (value === null) {
    return <SignInScreen notice={state.kind === 'signed-out' && state.ended ? t('shell.sessionEnded') : undefined} onSignedIn={(s) => setState({ kind: 'signed-in', session: s })} />;
  }
  return (
    <SessionContext.Provider value={value}>
      <LocationProvider>
        <Shell />
      </LocationProvider>
    </SessionContext.Provider>
  );
}
