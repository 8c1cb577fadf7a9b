// Resetting a member's till PIN or back-office password: the new one, checked with the contract's
// schema (4 to 6 digits; the password's length) before it is sent. It is not shown again afterwards.
import { useState } from 'preact/hooks';
import type { StaffRecord } from '@ezo/contract/staff';
import type { ApiFailure } from '../../api/client.ts';
import { staffPatchSchema, updateStaff } from '../../api/staff.ts';
import { Form, TextField, fieldErrors } from '../../components/form.tsx';
import { checkForm } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export type ResetKind = 'pin' | 'password';

export function ResetPanel({ member, kind, onSaved, onCancel }: { member: StaffRecord; kind: ResetKind; onSaved: (m: StaffRecord) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(failure);
  const save = async () => {
    const checked = checkForm(staffPatchSchema, { [kind]: value });
    if (!checked.ok) return setFailure(checked.failure);
    setBusy(true);
    const result = await updateStaff(member.id, checked.value);
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    onSaved(result.value);
  };
  const heading = kind === 'pin' ? t('staff.resetPinOne', { name: member.display_name }) : t('staff.resetPasswordOne', { name: member.display_name });
  return (
    <section class="bo-panel" aria-label={heading}>
      <h2>{heading}</h2>
      <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')} onCancel={onCancel} label={heading}>
        <TextField
          name={kind}
          label={kind === 'pin' ? t('staff.newPin') : t('staff.newPassword')}
          type="password"
          inputMode={kind === 'pin' ? 'numeric' : 'text'}
          autoComplete="new-password"
          value={value}
          onValue={setValue}
          error={errors.get(kind)}
          hint={kind === 'pin' ? t('staff.pinHint') : t('staff.passwordHint')}
        />
      </Form>
    </section>
  );
}
