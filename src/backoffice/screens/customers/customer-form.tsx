// Create or edit a customer: name, e-mail, phone, store. Checked with the contract's schema before it
// is sent (errors next to the fields, nothing sent), then by the hub (its 400 issues land on the same
// fields). A refused save keeps what was typed.
import { useState } from 'preact/hooks';
import type { AdminCustomer } from '@ezo/contract/admin-lists';
import type { ApiFailure } from '../../api/client.ts';
import { createCustomer, customerCreateSchema, customerPatchSchema, updateCustomer } from '../../api/customers.ts';
import { Form, SelectField, TextField, fieldErrors } from '../../components/form.tsx';
import { useStores } from '../../components/store-picker.tsx';
import { checkForm, textOrNull } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session-context.tsx';

export interface CustomerFormProps {
  /** The customer to edit; undefined: a new one. */
  customer: AdminCustomer | undefined;
  onSaved: (customer: AdminCustomer) => void;
  onCancel: () => void;
}

/** The select's value for "no store" (a chain customer; owners only). */
const CHAIN = '';

export function CustomerForm({ customer, onSaved, onCancel }: CustomerFormProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const stores = useStores();
  const [name, setName] = useState(customer?.name ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [storeId, setStoreId] = useState(customer === undefined ? (stores[0]?.id ?? CHAIN) : (customer.store_id ?? CHAIN));
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(failure);
  const storeOptions = [...(session.owner ? [{ value: CHAIN, label: t('customers.chainCustomer') }] : []), ...stores.map((s) => ({ value: s.id, label: s.name }))];

  const save = async () => {
    const fields = { name, email: textOrNull(email), phone: textOrNull(phone), store_id: storeId === CHAIN ? null : storeId };
    let result;
    if (customer === undefined) {
      const checked = checkForm(customerCreateSchema, fields);
      if (!checked.ok) return setFailure(checked.failure);
      setBusy(true);
      result = await createCustomer(checked.value);
    } else {
      const checked = checkForm(customerPatchSchema, fields);
      if (!checked.ok) return setFailure(checked.failure);
      setBusy(true);
      result = await updateCustomer(customer.uuid, checked.value);
    }
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    setFailure(null);
    onSaved(result.value);
  };

  return (
    <section class="bo-panel" aria-labelledby="customer-form-title">
      <h2 id="customer-form-title">{customer === undefined ? t('customers.newTitle') : t('customers.editTitle', { name: customer.name })}</h2>
      <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')} onCancel={onCancel} label={t('customers.formLabel')}>
        <TextField name="name" label={t('customers.name')} value={name} onValue={setName} error={errors.get('name')} required autoComplete="off" />
        <TextField name="email" label={t('customers.email')} type="email" value={email} onValue={setEmail} error={errors.get('email')} autoComplete="off" />
        <TextField name="phone" label={t('customers.phone')} value={phone} onValue={setPhone} error={errors.get('phone')} autoComplete="off" />
        <SelectField name="store_id" label={t('customers.store')} value={storeId} onValue={setStoreId} options={storeOptions} error={errors.get('store_id')} />
      </Form>
    </section>
  );
}
