// Stores: a store's settings in one form (PUT: all at once, so a refused save changes nothing): name,
// legal name, address, tax number and VAT id, receipt header and footer, locale, currency, time zone,
// and what the tills use (PIN lock after idle, discount limit, storage alarm). Checked with the
// contract's schema before it is sent; the hub's refusals (a currency change once the store has
// sales) are shown too. Its tills pull the change with their next page. Without manage_store_settings
// in the store (the owner took it from the role) the form is shown read-only with a note; the hub
// refuses such a write anyway (403).
import { useEffect, useState } from 'preact/hooks';
import type { AdminStore } from '@ezo/contract/admin';
import { SUPPORTED_LOCALES } from '@ezo/contract/store-settings';
import type { ApiFailure } from '../../api/client.ts';
import { getStore, saveStore, storeSettingsSchema } from '../../api/stores.ts';
import { failureText } from '../../components/failure-text.ts';
import { Form, SelectField, TextField, fieldErrors } from '../../components/form.tsx';
import { StorePicker, useStores } from '../../components/store-picker.tsx';
import { checkForm, textOrNull } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session-context.tsx';
import { TextAreaField } from './text-area-field.tsx';

type Fields = Record<'name' | 'legal_name' | 'address' | 'tax_number' | 'vat_id' | 'receipt_header' | 'receipt_footer' | 'currency' | 'locale' | 'time_zone' | 'idle_minutes' | 'discount' | 'alarm_hours', string>;

const SECONDS_PER_MINUTE = 60;

function fieldsOf(s: AdminStore): Fields {
  return {
    name: s.name,
    legal_name: s.legal_name ?? '',
    address: s.address_lines.join('\n'),
    tax_number: s.tax_number ?? '',
    vat_id: s.vat_id ?? '',
    receipt_header: s.receipt_header ?? '',
    receipt_footer: s.receipt_footer ?? '',
    currency: s.currency,
    locale: s.locale,
    time_zone: s.time_zone,
    idle_minutes: String(s.idle_lock_seconds / SECONDS_PER_MINUTE),
    discount: String(s.discount_limit_percent),
    alarm_hours: String(s.storage_alarm_hours),
  };
}

/** A number field's text as a number for the schema (which then says what is wrong with it). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export default function StoresScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const stores = useStores();
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [fields, setFields] = useState<Fields | null>(null);
  const [loadFailure, setLoadFailure] = useState<ApiFailure | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const errors = fieldErrors(failure);
  const { can } = useSession();
  const mayEdit = storeId !== '' && can('manage_store_settings', storeId);

  useEffect(() => {
    if (storeId === '') return;
    setFields(null);
    setFailure(null);
    void getStore(storeId).then((result) => {
      if (!result.ok) return setLoadFailure(result.failure);
      setLoadFailure(null);
      setFields(fieldsOf(result.value));
    });
  }, [storeId]);

  const set = (key: keyof Fields) => (value: string) => setFields((f) => (f === null ? f : { ...f, [key]: value }));

  const save = async () => {
    if (fields === null) return;
    const body = {
      name: fields.name,
      legal_name: textOrNull(fields.legal_name),
      address_lines: fields.address.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
      tax_number: textOrNull(fields.tax_number),
      vat_id: textOrNull(fields.vat_id),
      receipt_header: textOrNull(fields.receipt_header),
      receipt_footer: textOrNull(fields.receipt_footer),
      currency: fields.currency.trim().toUpperCase(),
      locale: fields.locale,
      time_zone: fields.time_zone.trim(),
      idle_lock_seconds: Math.round(numberOf(fields.idle_minutes) * SECONDS_PER_MINUTE),
      discount_limit_percent: numberOf(fields.discount),
      storage_alarm_hours: numberOf(fields.alarm_hours),
    };
    const checked = checkForm(storeSettingsSchema, body);
    // The form's fields for the schema's: idle_lock_seconds is shown in minutes, address_lines as one text.
    const rename = (f: ApiFailure): ApiFailure => ({
      ...f,
      issues: f.issues.map((i) => ({ ...i, path: i.path.replace(/^address_lines(\.\d+)?$/, 'address').replace('idle_lock_seconds', 'idle_minutes').replace('discount_limit_percent', 'discount').replace('storage_alarm_hours', 'alarm_hours') })),
    });
    if (!checked.ok) return setFailure(rename(checked.failure));
    setBusy(true);
    const result = await saveStore(storeId, checked.value);
    setBusy(false);
    if (!result.ok) return setFailure(rename(result.failure.code === 'conflict' ? { ...result.failure, issues: [{ path: 'currency', message: t('stores.currencyLocked') }] } : result.failure));
    setFailure(null);
    setFields(fieldsOf(result.value));
    setNotice(t('stores.saved', { name: result.value.name }));
  };

  return (
    <section class="bo-screen">
      <h1>{title}</h1>
      {stores.length > 0 && <StorePicker label={t('stores.store')} value={storeId} onValue={setStoreId} />}
      <p role="status" class="bo-notice">
        {notice}
      </p>
      {loadFailure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, loadFailure)}
        </p>
      )}
      {fields !== null && !mayEdit && (
        <p class="bo-note" data-testid="stores-read-only">
          {t('stores.readOnly')}
        </p>
      )}
      {fields !== null && (
        <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')} label={t('stores.formLabel')} class="bo-store-form" readOnly={!mayEdit}>
          <fieldset>
            <legend>{t('stores.identity')}</legend>
            <TextField name="name" label={t('stores.name')} value={fields.name} onValue={set('name')} error={errors.get('name')} required />
            <TextField name="legal_name" label={t('stores.legalName')} value={fields.legal_name} onValue={set('legal_name')} error={errors.get('legal_name')} />
            <TextAreaField name="address" label={t('stores.address')} value={fields.address} onValue={set('address')} error={errors.get('address')} rows={4} />
            <TextField name="tax_number" label={t('stores.taxNumber')} value={fields.tax_number} onValue={set('tax_number')} error={errors.get('tax_number')} />
            <TextField name="vat_id" label={t('stores.vatId')} value={fields.vat_id} onValue={set('vat_id')} error={errors.get('vat_id')} />
          </fieldset>
          <fieldset>
            <legend>{t('stores.receipt')}</legend>
            <TextAreaField name="receipt_header" label={t('stores.receiptHeader')} value={fields.receipt_header} onValue={set('receipt_header')} error={errors.get('receipt_header')} />
            <TextAreaField name="receipt_footer" label={t('stores.receiptFooter')} value={fields.receipt_footer} onValue={set('receipt_footer')} error={errors.get('receipt_footer')} />
          </fieldset>
          <fieldset>
            <legend>{t('stores.region')}</legend>
            <SelectField name="locale" label={t('stores.locale')} value={fields.locale} onValue={set('locale')} options={SUPPORTED_LOCALES.map((l) => ({ value: l, label: l }))} error={errors.get('locale')} />
            <TextField name="currency" label={t('stores.currency')} value={fields.currency} onValue={set('currency')} error={errors.get('currency')} hint={t('stores.currencyHint')} />
            <TextField name="time_zone" label={t('stores.timeZone')} value={fields.time_zone} onValue={set('time_zone')} error={errors.get('time_zone')} hint={t('stores.timeZoneHint')} />
          </fieldset>
          <fieldset>
            <legend>{t('stores.tills')}</legend>
            <TextField name="idle_minutes" label={t('stores.idleMinutes')} type="number" inputMode="decimal" value={fields.idle_minutes} onValue={set('idle_minutes')} error={errors.get('idle_minutes')} />
            <TextField name="discount" label={t('stores.discountLimit')} type="number" inputMode="numeric" value={fields.discount} onValue={set('discount')} error={errors.get('discount')} />
            <TextField name="alarm_hours" label={t('stores.alarmHours')} type="number" inputMode="numeric" value={fields.alarm_hours} onValue={set('alarm_hours')} error={errors.get('alarm_hours')} hint={t('stores.alarmHint')} />
          </fieldset>
        </Form>
      )}
    </section>
  );
}
