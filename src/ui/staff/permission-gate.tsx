// The one gate for actions that need a permission. `require(permission)` resolves true at once when
// the signed-in member holds it (or, given a list, all of them); otherwise it opens the manager's approval dialog on the same screen
// and resolves true once a manager approved what the member lacks, with one PIN (the worker then keeps
// a one-use approval for the write),
// false when staff cancelled. Screens call it right before the worker call it guards:
//
//   if (!(await requirePermission('refund'))) return;
//   await api.recordRefund(draft);
//
// The worker checks again (TillError forbidden): the gate is for people, the worker for the record.
import type { Remote } from 'comlink';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { StaffSessionView, TillApi, TillPermission } from '../../api/till-api.ts';
import { ApprovalDialog } from './approval-dialog.tsx';

export type RequirePermission = (permission: TillPermission | readonly TillPermission[]) => Promise<boolean>;

interface Pending {
  /** What the member lacks of what was asked for (never empty). */
  permissions: readonly TillPermission[];
  resolve: (approved: boolean) => void;
}

export function usePermissionGate(api: Remote<TillApi>, session: StaffSessionView | null, onApproved: (approverName: string) => void) {
  const [pending, setPending] = useState<Pending | null>(null);
  // The session at the time of the call, without re-creating `require` on every change.
  const current = useRef(session);
  current.current = session;

  const requirePermission = useCallback<RequirePermission>((permission) => {
    const s = current.current;
    if (s === null) return Promise.resolve(false);
    const lacking = (typeof permission === 'string' ? [permission] : permission).filter((p) => !s.permissions.includes(p));
    if (lacking.length === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      setPending((before) => {
        before?.resolve(false); // one approval at a time: an earlier one still open is cancelled
        return { permissions: lacking, resolve };
      });
    });
  }, []);

  const finish = (approved: boolean) => {
    pending?.resolve(approved);
    setPending(null);
  };

  const dialog =
    pending !== null && session !== null ? (
      <ApprovalDialog
        api={api}
        permissions={pending.permissions}
        cashier={session.staff}
        onApproved={(approver) => {
          onApproved(approver.displayName);
          finish(true);
        }}
        onCancel={() => finish(false)}
      />
    ) : null;

  return { requirePermission, dialog };
}
