// Staff: the members (of one store or all) with their back-office e-mail, their role in each store,
// whether a PIN and a back-office password are set; a new member with a role in a store; their roles per store (add, change, remove:
// roles-panel.tsx); resetting a PIN or password; deactivating
// (every till drops the PIN at its next pull) or reactivating, with a confirmation. Forms are checked
// with the contract's schemas before they are sent; PINs and passwords are never shown again.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StaffRecord } from '@ezo/contract/staff';
import type { ApiFailure } from '../../api/client.ts';
import { listStaff, updateStaff } from '../../api/staff.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { failureText } from '../../components/failure-text.ts';
import { useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ResetPanel, type ResetKind } from './reset-panel.tsx';
import { RolesPanel } from './roles-panel.tsx';
import { StaffForm } from './staff-form.tsx';

const ALL = '';

/** How a member signs in: at a till with a PIN, in the back office with a password, both or neither. */
const credentials = (m: StaffRecord) => (m.has_pin ? (m.has_password ? 'pinAndPassword' : 'pinOnly') : m.has_password ? 'passwordOnly' : 'none');

export default function StaffScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const stores = useStores('manage_staff');
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const [storeId, setStoreId] = useState(ALL);
  const [staff, setStaff] = useState<StaffRecord[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [adding, setAdding] = useState(false);
  const [reset, setReset] = useState<{ member: StaffRecord; kind: ResetKind } | null>(null);
  const [toggling, setToggling] = useState<StaffRecord | null>(null);
  const [editingRoles, setEditingRoles] = useState<StaffRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const result = await listStaff(storeId === ALL ? undefined : storeId);
    if (!result.ok) return setFailure(result.failure);
    setFailure(null);
    setStaff(result.value.staff);
  }, [storeId]);
  useEffect(() => void load(), [load]);

  const done = (message: string) => {
    setNotice(message);
    setAdding(false);
    setReset(null);
    void load();
  };
  const toggle = async () => {
    if (toggling === null) return;
    setBusy(true);
    const result = await updateStaff(toggling.id, { active: !toggling.active });
    setBusy(false);
    setToggling(null);
    if (!result.ok) return setFailure(result.failure);
    done(result.value.active ? t('staff.reactivated', { name: result.value.display_name }) : t('staff.deactivated', { name: result.value.display_name }));
  };

  return (
    <section class="bo-screen">
      <div class="bo-screen-head">
        <h1>{title}</h1>
        <button type="button" class="primary" onClick={() => setAdding(true)}>
          {t('staff.new')}
        </button>
      </div>
      <p role="status" class="bo-notice">
        {notice}
      </p>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {adding && <StaffForm onSaved={(m) => done(t('staff.created', { name: m.display_name }))} onCancel={() => setAdding(false)} />}
      {editingRoles !== null && (
        <RolesPanel
          key={editingRoles.id}
          member={editingRoles}
          onChanged={(m, message) => {
            setNotice(message);
            setEditingRoles(m);
            void load();
          }}
          onClose={() => setEditingRoles(null)}
        />
      )}
      {reset !== null && <ResetPanel key={`${reset.member.id}-${reset.kind}`} member={reset.member} kind={reset.kind} onSaved={(m) => done(t('staff.resetDone', { name: m.display_name }))} onCancel={() => setReset(null)} />}
      <div class="bo-filters">
        <label>
          <span>{t('staff.storeFilter')}</span>
          <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
            <option value={ALL}>{t('staff.allStores')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="bo-table-wrap">
        <table class="bo-table">
          <caption>{t('staff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.roles')}</th>
              <th scope="col">{t('staff.signIn')}</th>
              <th scope="col">{t('staff.status')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff?.map((m) => (
              <tr key={m.id} class={m.active ? undefined : 'bo-inactive'}>
                <th scope="row">
                  {m.display_name}
                  {m.email !== null && <div class="bo-sub">{m.email}</div>}
                </th>
                <td>{m.roles.map((r) => `${storeName.get(r.store_id) ?? r.store_id}: ${t(`staff.roleNames.${r.role}`)}`).join(', ')}</td>
                <td>{t(`staff.credentials.${credentials(m)}`)}</td>
                <td>{m.active ? t('staff.active') : t('staff.inactive')}</td>
                <td>
                  <div class="bo-row-actions bo-staff-actions">
                    <button type="button" onClick={() => setEditingRoles(m)} aria-label={t('staff.editRolesOne', { name: m.display_name })}>
                      {t('staff.editRoles')}
                    </button>
                    <button type="button" onClick={() => setReset({ member: m, kind: 'pin' })} aria-label={t('staff.resetPinOne', { name: m.display_name })}>
                      {t('staff.resetPin')}
                    </button>
                    <button type="button" onClick={() => setReset({ member: m, kind: 'password' })} aria-label={t('staff.resetPasswordOne', { name: m.display_name })}>
                      {t('staff.resetPassword')}
                    </button>
                    <button type="button" class={m.active ? 'danger' : undefined} onClick={() => setToggling(m)}>
                      {m.active ? t('staff.deactivate') : t('staff.reactivate')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            {staff !== null && staff.length === 0 && (
              <tr>
                <td colSpan={5}>{t('common.noRows')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={toggling !== null}
        title={toggling?.active === true ? t('staff.deactivateTitle') : t('staff.reactivateTitle')}
        confirmLabel={toggling?.active === true ? t('staff.deactivate') : t('staff.reactivate')}
        onConfirm={() => void toggle()}
        onCancel={() => setToggling(null)}
        busy={busy}
      >
        <p>{toggling?.active === true ? t('staff.deactivateText', { name: toggling.display_name }) : t('staff.reactivateText', { name: toggling?.display_name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
