// A new staff member: name, role in one store (more roles: the Roles panel afterwards), a till PIN, and for owners
// and managers an e-mail and password for the back office. Checked with the contract's schema first
// (its refinements too: a password needs an e-mail and a back-office role).
import { useState } from 'preact/hooks';
import type { Role, StaffRecord } from '@ezo/contract/staff';
import type { ApiFailure } from '../../api/client.ts';
import { createStaff, staffCreateSchema } from '../../api/staff.ts';
import { Form, SelectField, TextField, fieldErrors } from '../../components/form.tsx';
import { useStores } from '../../components/store-picker.tsx';
import { checkForm, textOrNull } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

const ROLES: readonly Role[] = ['cashier', 'manager', 'owner'];

export function StaffForm({ onSaved, onCancel }: { onSaved: (m: StaffRecord) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const stores = useStores('manage_staff');
  const [name, setName] = useState('');
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [role, setRole] = useState<string>('cashier');
  const [pin, setPin] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(failure);

  const save = async () => {
    const body = {
      display_name: name,
      roles: [{ store_id: storeId, role }],
      ...(pin === '' ? {} : { pin }),
      ...(textOrNull(email) === null ? {} : { email: email.trim() }),
      ...(password === '' ? {} : { password }),
    };
    const checked = checkForm(staffCreateSchema, body);
    if (!checked.ok) return setFailure(checked.failure);
    setBusy(true);
    const result = await createStaff(checked.value);
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    onSaved(result.value);
  };

  return (
    <section class="bo-panel" aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">{t('staff.new')}</h2>
      <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')} onCancel={onCancel} label={t('staff.new')}>
        <TextField name="display_name" label={t('staff.name')} value={name} onValue={setName} error={errors.get('display_name')} required />
        <SelectField name="store" label={t('staff.store')} value={storeId} onValue={setStoreId} options={stores.map((s) => ({ value: s.id, label: s.name }))} error={errors.get('roles.0.store_id') ?? errors.get('roles')} />
        <SelectField name="role" label={t('staff.role')} value={role} onValue={setRole} options={ROLES.map((r) => ({ value: r, label: t(`staff.roleNames.${r}`) }))} error={errors.get('roles.0.role')} />
        <TextField name="pin" label={t('staff.newPin')} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onValue={setPin} error={errors.get('pin')} hint={t('staff.pinHint')} />
        <TextField name="email" label={t('staff.email')} type="email" value={email} onValue={setEmail} error={errors.get('email')} autoComplete="off" />
        <TextField name="password" label={t('staff.newPassword')} type="password" autoComplete="new-password" value={password} onValue={setPassword} error={errors.get('password')} hint={t('staff.passwordHint')} />
      </Form>
    </section>
  );
}
