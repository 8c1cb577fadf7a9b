// A new terminal of the store (owners): a name and a receipt prefix unique in the store, checked with
// the contract's schema before it is sent; the hub's refusals (a prefix already used) land on the field.
import { useState } from 'preact/hooks';
import type { ApiFailure } from '../../api/client.ts';
import { createTerminal, terminalCreateSchema } from '../../api/devices.ts';
import { Form, TextField, fieldErrors } from '../../components/form.tsx';
import { checkForm } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function TerminalForm({ storeId, onSaved, onCancel }: { storeId: string; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [prefix, setPrefix] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(failure);

  const save = async () => {
    const checked = checkForm(terminalCreateSchema, { store_id: storeId, name, receipt_prefix: prefix });
    if (!checked.ok) return setFailure(checked.failure);
    setBusy(true);
    const result = await createTerminal(checked.value);
    setBusy(false);
    if (!result.ok) {
      // A prefix taken in this store is the one conflict this form can meet: show it on its field.
      const failed = result.failure.code === 'conflict' ? { ...result.failure, issues: [{ path: 'receipt_prefix', message: t('devices.prefixTaken') }] } : result.failure;
      return setFailure(failed);
    }
    onSaved(result.value.name);
  };

  return (
    <section class="bo-panel" aria-labelledby="terminal-form-title">
      <h2 id="terminal-form-title">{t('devices.newTerminal')}</h2>
      <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')} onCancel={onCancel} label={t('devices.newTerminal')}>
        <TextField name="name" label={t('devices.terminalName')} value={name} onValue={setName} error={errors.get('name')} required />
        <TextField name="receipt_prefix" label={t('devices.prefix')} value={prefix} onValue={setPrefix} error={errors.get('receipt_prefix')} required hint={t('devices.prefixHint')} />
      </Form>
    </section>
  );
}
