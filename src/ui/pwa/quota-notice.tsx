// What staff see when the device refused to store a sale (TillError quota_exceeded): nothing was saved, the cart
// is intact, and the way out is to sync or export and then free space.
import type { Remote } from 'comlink';
import { hasTillErrorCode } from '../../api/till-error.ts';
import type { TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import './pwa.css';

export const QUOTA_MESSAGE =
  'This device has no storage space left, so the sale was NOT saved. The cart is unchanged. ' +
  'Sync or export the unsynced sales, free some space on the device, then complete the sale again.';

export function isQuotaError(e: unknown): boolean {
  return hasTillErrorCode(e, 'quota_exceeded');
}

export function QuotaNotice(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  return (
    <div class="storage-warning" role="alert">
      <strong>Storage full.</strong> {QUOTA_MESSAGE} <ExportUnsyncedButton api={props.api} />
    </div>
  );
}
