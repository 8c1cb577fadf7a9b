// Picks one of the signed-in person's stores (an owner: every store) for the store screens (Stores,
// Devices, Stock). Only stores the hub said the person has a role in are offered; the hub answers 404
// for any other. `permission`: only stores where the person holds it.
import { useId } from 'preact/hooks';
import type { Permission } from '@ezo/contract/staff';
import { useSession } from '../session-context.tsx';

export function useStores(permission?: Permission): { id: string; name: string }[] {
  const { session } = useSession();
  return session.stores.filter((s) => permission === undefined || s.permissions.includes(permission)).map((s) => ({ id: s.store_id, name: s.store_name }));
}

export function StorePicker({ label, value, onValue, permission }: { label: string; value: string; onValue: (storeId: string) => void; permission?: Permission }) {
  const id = useId();
  const stores = useStores(permission);
  return (
    <div class="bo-field bo-store-picker">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
