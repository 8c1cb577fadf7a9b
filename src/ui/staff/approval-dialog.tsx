// A manager's approval for one action the signed-in member may not do (a sale may need two: a price
// override and a discount over the limit, approved together): choose the manager, enter their PIN. The worker checks PIN and permission and keeps a one-use approval that the action's
// record names as approved_by (src/db/staff/staff-session.ts).
import type { Remote } from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import type { PinLockState, StaffView, TillApi, TillPermission } from '../../api/till-api.ts';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Modal } from '../modal.tsx';
import { PinEntry } from './pin-entry.tsx';

export interface ApprovalDialogProps {
  api: Remote<TillApi>;
  /** What the signed-in member lacks for the action (one or more). */
  permissions: readonly TillPermission[];
  /** The signed-in member who asked. */
  cashier: StaffView;
  onApproved: (approver: StaffView) => void;
  onCancel: () => void;
}

export function ApprovalDialog(props: ApprovalDialogProps) {
  const { api, permissions, cashier } = props;
  const { t, language, locale } = useI18n();
  const action = new Intl.ListFormat(locale, { type: 'conjunction' }).format(permissions.map((p) => t(`staff.permission.${p}`)));
  const [staff, setStaff] = useState<StaffView[] | null>(null);
  const [lock, setLock] = useState<PinLockState | null>(null);
  const [chosen, setChosen] = useState<StaffView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.staff(), api.pinLockState()]).then(
      ([list, state]) => {
        const others = list.filter((s) => s.id !== cashier.id);
        setStaff(others);
        setLock(state);
        if (others.length === 1) setChosen(others[0] ?? null);
      },
      (e: unknown) => setError(errorText(t, language, e, 'approve')),
    );
  }, [api]);

  return (
    <Modal title={t('staff.approvalTitle')} onClose={props.onCancel}>
      <p>{t('staff.approvalIntro', { name: cashier.displayName, action })}</p>
      {staff === null || lock === null ? (
        <p class="loading">{t('common.loading')}</p>
      ) : chosen === null ? (
        <ul class="staff-list" aria-label={t('staff.approvalWho')}>
          {staff.map((s) => (
            <li key={s.id}>
              <button type="button" class="staff-name" onClick={() => setChosen(s)}>
                {s.displayName}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <PinEntry
            label={t('staff.pinFor', { name: chosen.displayName })}
            submitLabel={t('staff.approve')}
            who={chosen.displayName}
            lockedUntil={lock.lockedUntil}
            check={(pin) => api.approve(permissions, chosen.id, pin)}
            onOk={() => props.onApproved(chosen)}
            onError={(e) => setError(errorText(t, language, e, 'approve'))}
          />
          {staff.length > 1 && (
            <button type="button" class="link-button" onClick={() => setChosen(null)}>
              {t('staff.back')}
            </button>
          )}
        </>
      )}
      {error !== null && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
