// E-mail and password of an owner or manager. A wrong pair and a throttled account or address get
// their own sentence; the e-mail stays typed, the password is cleared.
import { useState } from 'preact/hooks';
import type { BackOfficeSession } from '@ezo/contract/backoffice';
import type { ApiFailure } from '../../api/client.ts';
import { signIn } from '../../api/session.ts';
import { Form, TextField } from '../../components/form.tsx';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function SignInScreen({ onSignedIn, notice }: { onSignedIn: (session: BackOfficeSession) => void; notice: string | undefined }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const submit = async () => {
    setBusy(true);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setPassword('');
    setFailure(result.failure);
  };
  // A wrong pair is 401 for the form as a whole; a bad e-mail's 400 names its field.
  const message = failure === null ? null : failure.code === 'unauthorized' ? t('signIn.wrong') : failureText(t, failure);
  const emailError = failure?.issues.find((i) => i.path === 'email') === undefined ? undefined : t('common.fieldInvalid');

  return (
    <main class="bo-sign-in" id="main">
      <div class="bo-card">
        <h1>{t('signIn.title')}</h1>
        <p class="bo-hint">{t('signIn.hint')}</p>
        {notice !== undefined && (
          <p class="bo-notice" role="status">
            {notice}
          </p>
        )}
        <Form onSubmit={submit} busy={busy} failure={null} submitLabel={busy ? t('signIn.submitting') : t('signIn.submit')} label={t('signIn.title')}>
          <TextField name="email" type="email" label={t('signIn.email')} value={email} onValue={setEmail} autoComplete="username" required error={emailError} />
          <TextField name="password" type="password" label={t('signIn.password')} value={password} onValue={setPassword} autoComplete="current-password" required />
          {message !== null && (
            <p class="bo-error" role="alert">
              {message}
            </p>
          )}
        </Form>
      </div>
    </main>
  );
}
