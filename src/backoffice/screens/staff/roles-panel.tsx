// A member's roles, one per store: change the role held in a store or remove it (each after a
// confirmation that says what it means for the tills), or add a role in another store. Each change is its own request (PUT/DELETE .../roles/{store}), checked
// first with the contract's schemas; a refusal (the organisation's last owner, a role above one's own)
// shows next to the field of that store, in the screen's language (the hub's own sentences are for logs). Only the stores where the signed-in person manages staff, and
// only the roles whose permissions they hold there, are offered: the hub enforces the same.
import { useEffect, useState } from 'preact/hooks';
import type { Role, RolePermissions, StaffRecord } from '@ezo/contract/staff';
import type { ApiFailure } from '../../api/client.ts';
import { listRoles, removeStaffRole, setStaffRole, staffRoleParamsSchema, staffRoleSetSchema } from '../../api/staff.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { failureText } from '../../components/failure-text.ts';
import { SelectField, fieldErrors } from '../../components/form.tsx';
import { useStores } from '../../components/store-picker.tsx';
import { checkForm } from '../../components/validate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session-context.tsx';

const ROLES: readonly Role[] = ['cashier', 'manager', 'owner'];
/** The key of the "add a role" row's errors. */
const NEW_ROW = 'new';

/** A role change waiting for its confirmation. */
interface PendingChange {
  storeId: string;
  from: Role;
  to: Role;
}

/** Field messages come only with a refused form (400); any other refusal is one translated sentence. */
const formErrors = (failure: ApiFailure | null) => fieldErrors(failure?.code === 'bad_request' ? failure : null);

export function RolesPanel({ member, onChanged, onClose }: { member: StaffRecord; onChanged: (m: StaffRecord, message: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const managed = useStores('manage_staff');
  const storeName = new Map(useStores().map((s) => [s.id, s.name]));
  const [rolePermissions, setRolePermissions] = useState<RolePermissions[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<Record<string, ApiFailure>>({});
  const [newStore, setNewStore] = useState('');
  const [newRole, setNewRole] = useState<string>('cashier');
  const [removing, setRemoving] = useState<string | null>(null);
  const [changing, setChanging] = useState<PendingChange | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void listRoles().then((result) => {
      if (result.ok) setRolePermissions(result.value.roles);
      else setFailures({ [NEW_ROW]: result.failure });
    });
  }, []);

  /** Whether the signed-in person may give (or take away) this role in this store. */
  const grantable = (role: string, storeId: string): boolean => {
    const permissions = rolePermissions?.find((r) => r.role === role)?.permissions;
    return can('manage_staff', storeId) && permissions !== undefined && permissions.every((p) => can(p, storeId));
  };
  const roleOptions = (storeId: string, current?: Role) =>
    ROLES.filter((r) => r === current || storeId === '' || grantable(r, storeId)).map((r) => ({ value: r, label: t(`staff.roleNames.${r}`) }));
  const held = new Set(member.roles.map((r) => r.store_id));
  const addable = managed.filter((s) => !held.has(s.id));

  const run = async (key: string, storeId: string, role: string | null): Promise<void> => {
    const params = checkForm(staffRoleParamsSchema, { staff_id: member.id, store_id: storeId });
    if (!params.ok) return setFailures({ [key]: params.failure });
    const body = role === null ? null : checkForm(staffRoleSetSchema, { role });
    if (body !== null && !body.ok) return setFailures({ [key]: body.failure });
    setBusy(true);
    const result = body === null ? await removeStaffRole(member.id, storeId) : await setStaffRole(member.id, storeId, body.value);
    setBusy(false);
    if (!result.ok) return setFailures({ [key]: result.failure });
    setFailures({});
    setChosen({});
    setNewStore('');
    const store = storeName.get(storeId) ?? storeId;
    onChanged(result.value, role === null ? t('staff.roleRemoved', { name: member.display_name, store }) : t('staff.roleSaved', { name: member.display_name, store }));
  };
  const change = async () => {
    if (changing === null) return;
    const { storeId, to } = changing;
    setChanging(null);
    await run(storeId, storeId, to);
  };
  const remove = async () => {
    if (removing === null) return;
    const storeId = removing;
    setRemoving(null);
    await run(storeId, storeId, null);
  };

  const heading = t('staff.rolesOf', { name: member.display_name });
  const newErrors = formErrors(failures[NEW_ROW] ?? null);
  return (
    <section class="bo-panel" aria-label={heading}>
      <h2>{heading}</h2>
      <table class="bo-table">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.store')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {member.roles.map((r) => {
            const failure = failures[r.store_id] ?? null;
            const errors = formErrors(failure);
            const picked = (chosen[r.store_id] ?? r.role) as Role;
            const name = storeName.get(r.store_id) ?? r.store_id;
            const mine = grantable(r.role, r.store_id);
            return (
              <tr key={r.store_id}>
                <th scope="row">{name}</th>
                <td>
                  <SelectField
                    name={`role-${r.store_id}`}
                    label={t('staff.roleIn', { store: name })}
                    value={picked}
                    onValue={(v) => setChosen((c) => ({ ...c, [r.store_id]: v }))}
                    options={mine ? roleOptions(r.store_id, r.role) : [{ value: r.role, label: t(`staff.roleNames.${r.role}`) }]}
                    error={errors.get('role') ?? errors.get('roles') ?? errors.get('store_id') ?? (failure === null || errors.size > 0 ? undefined : failureText(t, failure))}
                  />
                </td>
                <td class="bo-row-actions">
                  <button type="button" disabled={busy || !mine || picked === r.role} onClick={() => setChanging({ storeId: r.store_id, from: r.role, to: picked })}>
                    {t('staff.changeRole', { store: name })}
                  </button>
                  <button type="button" class="danger" disabled={busy || !mine} onClick={() => setRemoving(r.store_id)}>
                    {t('staff.removeRole', { store: name })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        class="bo-form bo-role-add"
        aria-label={t('staff.addRole')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run(NEW_ROW, newStore, newRole);
        }}
      >
        <h3>{t('staff.addRole')}</h3>
        <SelectField
          name="new-store"
          label={t('staff.store')}
          value={newStore}
          onValue={setNewStore}
          options={[{ value: '', label: t('staff.chooseStore') }, ...addable.map((s) => ({ value: s.id, label: s.name }))]}
          error={newErrors.get('store_id')}
        />
        <SelectField name="new-role" label={t('staff.role')} value={newRole} onValue={setNewRole} options={roleOptions(newStore)} error={newErrors.get('role') ?? newErrors.get('roles')} />
        {failures[NEW_ROW] !== undefined && newErrors.size === 0 && (
          <p class="bo-error" role="alert">
            {failureText(t, failures[NEW_ROW])}
          </p>
        )}
        <div class="bo-form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('staff.addRoleButton')}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('staff.close')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={changing !== null}
        title={t('staff.changeRoleTitle')}
        confirmLabel={t('staff.changeRoleConfirm')}
        onConfirm={() => void change()}
        onCancel={() => setChanging(null)}
        busy={busy}
      >
        {changing !== null && (
          <p>
            {t('staff.changeRoleText', {
              name: member.display_name,
              store: storeName.get(changing.storeId) ?? '',
              from: t(`staff.roleNames.${changing.from}`),
              to: t(`staff.roleNames.${changing.to}`),
            })}
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('staff.removeRoleTitle')}
        confirmLabel={t('staff.removeRoleConfirm')}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
        busy={busy}
      >
        <p>{t('staff.removeRoleText', { name: member.display_name, store: storeName.get(removing ?? '') ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
