// Merging a duplicate: the person picks the customer to keep (searched on the hub), sees what will
// happen (the duplicate's sales are reported under the one kept, which takes its e-mail or phone where
// it has none; the duplicate disappears from the tills) and confirms. A refusal (another store, already
// merged) is shown as the hub's sentence; nothing changes then.
import { useEffect, useState } from 'preact/hooks';
import type { AdminCustomer, CustomerDetail } from '@ezo/contract/admin-lists';
import type { ApiFailure } from '../../api/client.ts';
import { getCustomer, listCustomers, mergeCustomers } from '../../api/customers.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Candidates shown for the search at most. */
const CANDIDATES = 8;

export function MergePanel({ duplicate, onMerged, onCancel }: { duplicate: AdminCustomer; onMerged: (survivor: AdminCustomer) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [candidates, setCandidates] = useState<AdminCustomer[]>([]);
  const [survivor, setSurvivor] = useState<AdminCustomer | null>(null);
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      void listCustomers({ q: q.trim() === '' ? duplicate.name.split(/\s+/)[0] ?? '' : q, limit: CANDIDATES + 1 }, abort.signal).then((result) => {
        if (abort.signal.aborted) return;
        if (result.ok) setCandidates(result.value.items.filter((c) => c.uuid !== duplicate.uuid).slice(0, CANDIDATES));
        else setFailure(result.failure);
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, duplicate]);

  useEffect(() => {
    void getCustomer(duplicate.uuid).then((result) => {
      if (result.ok) setDetail(result.value);
    });
  }, [duplicate]);

  const merge = async () => {
    if (survivor === null) return;
    setBusy(true);
    const result = await mergeCustomers(survivor.uuid, duplicate.uuid);
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setFailure(result.failure);
    onMerged(result.value.survivor);
  };

  return (
    <section class="bo-panel" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('customers.mergeTitle', { name: duplicate.name })}</h2>
      <p>{t('customers.mergeExplain')}</p>
      <label class="bo-search">
        <span>{t('customers.mergeSearch')}</span>
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <fieldset class="bo-choices">
        <legend>{t('customers.mergeKeep')}</legend>
        {candidates.length === 0 && <p>{t('common.noRows')}</p>}
        {candidates.map((c) => (
          <label key={c.uuid} class="bo-choice">
            <input type="radio" name="survivor" checked={survivor?.uuid === c.uuid} onChange={() => setSurvivor(c)} />
            <span>
              {c.name} <small>{[c.email, c.phone].filter((x) => x !== null && x !== '').join(' · ')}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failure.code === 'conflict' ? t('customers.mergeRefused') : failureText(t, failure)}
        </p>
      )}
      <div class="bo-form-actions">
        <button type="button" class="primary" disabled={survivor === null || busy} onClick={() => setConfirming(true)}>
          {t('customers.mergeButton')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming && survivor !== null}
        title={t('customers.mergeConfirmTitle')}
        confirmLabel={t('customers.mergeConfirm')}
        onConfirm={() => void merge()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        <p>{t('customers.mergeConfirmText', { duplicate: duplicate.name, survivor: survivor?.name ?? '' })}</p>
        {detail !== null && <p>{t('customers.mergeSales', { count: detail.sales_count })}</p>}
      </ConfirmDialog>
    </section>
  );
}
