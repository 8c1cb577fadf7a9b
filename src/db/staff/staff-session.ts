// Who is signed in at this till, kept in the worker (never in the page): PIN sign-in against the
// pulled hashes (offline), the persisted wrong-PIN lock, and manager approvals. An approval is one
// use of one or more permissions by the signed-in member, given by one manager, for a short time:
// the next write that needs them uses it up and records the approver as approved_by (a record names
// one approver, so a write needing two permissions, e.g. a sale with a price override and a
// discount over the limit, is approved for both with one PIN). Signing out drops the session and
// any approval not used yet.
//
// PIN checks run one at a time, so two quick guesses cannot both read the same wrong-PIN count.
import type { SqlConnection } from '../../sync/sql-connection.ts';
import type { Actor, Clock } from '../../api/service-parts.ts';
import type { PinLockState, PinResult, StaffSessionView, StaffView, TillPermission } from '../../api/till-api.ts';
import { TillError } from '../../api/till-error.ts';
import { activeMember, activeStaff, type StaffMember } from './staff-store.ts';
import { clearWrongPins, readPinLock, recordWrongPin } from './pin-lockout.ts';
import { verifyPin } from './pin-hash.ts';

/** How long a manager's approval waits for the action it was given for. */
export const APPROVAL_TTL_MS = 120_000;
/** A PIN is 4 to 6 digits (the hub's rule; anything else is not even checked). */
const PIN_PATTERN = /^[0-9]{4,6}$/;

export interface StaffSession {
  staff(): Promise<StaffView[]>;
  view(): StaffSessionView | null;
  pinLockState(): Promise<PinLockState>;
  signIn(staffId: string, pin: string): Promise<PinResult>;
  signOut(): void;
  approve(permission: TillPermission | readonly TillPermission[], staffId: string, pin: string): Promise<PinResult>;
  /**
   * The actor for a write: throws TillError signed_out without a session, forbidden when the member
   * lacks one of `permission` and no approval covering all they lack waits (one that does is used
   * up). null or []: selling, no permission.
   */
  actor(permission: TillPermission | readonly TillPermission[] | null): Actor;
}

/** A permission, a list of them or none, as a list. */
function permissionList(permission: TillPermission | readonly TillPermission[] | null): readonly TillPermission[] {
  if (permission === null) return [];
  return typeof permission === 'string' ? [permission] : permission;
}

interface Approval {
  permissions: readonly TillPermission[];
  approverId: string;
  expiresAt: number;
}

export function createStaffSession(db: SqlConnection, clock: Clock): StaffSession {
  let current: StaffSessionView | null = null;
  let approval: Approval | null = null;
  let checks: Promise<unknown> = Promise.resolve();

  /** Runs PIN checks one after another. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = checks.then(fn, fn);
    checks = next.catch(() => undefined);
    return next;
  }

  /** Checks `pin` for `staffId` under the wrong-PIN lock; the member on success. */
  async function checkPin(staffId: string, pin: string): Promise<{ kind: 'ok'; member: StaffMember } | Exclude<PinResult, { kind: 'ok' }>> {
    const lock = await readPinLock(db, clock.now());
    if (lock.lockedUntil !== null) return { kind: 'locked', until: lock.lockedUntil };
    const member = await activeMember(db, staffId);
    if (member === null) return { kind: 'unknown_staff' };
    const right = PIN_PATTERN.test(pin) && member.pinHash !== null && (await verifyPin(pin, member.pinHash));
    if (!right) {
      const counted = await db.transaction((tx) => recordWrongPin(tx, clock.now()));
      return 'lockedUntil' in counted ? { kind: 'locked', until: counted.lockedUntil } : { kind: 'wrong_pin', triesLeft: counted.triesLeft };
    }
    await clearWrongPins(db);
    return { kind: 'ok', member };
  }

  return {
    staff: () => activeStaff(db),
    view: () => current,
    pinLockState: () => readPinLock(db, clock.now()),

    signIn(staffId, pin) {
      return serial(async () => {
        const checked = await checkPin(staffId, pin);
        if (checked.kind !== 'ok') return checked;
        const { member } = checked;
        approval = null;
        current = {
          staff: { id: member.id, displayName: member.displayName, role: member.role },
          permissions: member.permissions,
          signedInAt: new Date(clock.now()).toISOString(),
        };
        return { kind: 'ok', session: current };
      });
    },

    signOut() {
      current = null;
      approval = null;
    },

    approve(permission, staffId, pin) {
      return serial(async (): Promise<PinResult> => {
        if (current === null) throw new TillError('signed_out', 'Sign in before asking for an approval.');
        const checked = await checkPin(staffId, pin);
        if (checked.kind !== 'ok') return checked;
        const permissions = permissionList(permission);
        if (permissions.length === 0 || !permissions.every((p) => checked.member.permissions.includes(p))) return { kind: 'not_permitted' };
        approval = { permissions, approverId: checked.member.id, expiresAt: clock.now() + APPROVAL_TTL_MS };
        return { kind: 'ok', session: current };
      });
    },

    actor(permission) {
      if (current === null) throw new TillError('signed_out', 'Nobody is signed in at this till.');
      const staffId = current.staff.id;
      const held = current.permissions;
      const lacking = permissionList(permission).filter((p) => !held.includes(p));
      if (lacking.length === 0) return { staffId, approvedBy: null };
      const granted = approval;
      if (granted !== null && lacking.every((p) => granted.permissions.includes(p)) && granted.expiresAt > clock.now()) {
        approval = null;
        return { staffId, approvedBy: granted.approverId };
      }
      throw new TillError('forbidden', `${current.staff.displayName} may not do this (${lacking.join(', ')}) without a manager's approval.`);
    },
  };
}
