// The signed-in person, for every screen: `useSession()` gives the session (name, stores with role and
// permissions) and `can(permission, storeId?)`: with a store, the permission there; without, in at least
// one store (chain-wide data such as the catalog). The hub checks the same on every call; this only
// decides what to show.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { BackOfficeSession } from '@ezo/contract/backoffice';
import type { Permission } from '@ezo/contract/staff';

export interface SessionValue {
  session: BackOfficeSession;
  can: (permission: Permission, storeId?: string) => boolean;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function can(session: BackOfficeSession, permission: Permission, storeId?: string): boolean {
  return session.stores.some((s) => (storeId === undefined || s.store_id === storeId) && s.permissions.includes(permission));
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside the signed-in shell');
  return value;
}
