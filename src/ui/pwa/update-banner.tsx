// "Update available": offers a new version of the till, but never while a sale is open. Applying reloads the
// page and the cart lives in memory, so the button exists only when the cart is empty.
import { useEffect, useState } from 'preact/hooks';
import { registerServiceWorker, type ServiceWorkerUpdates } from './register-sw.ts';
import './pwa.css';
import { useI18n } from '../i18n/i18n-context.tsx';

export type UpdateBannerState = 'hidden' | 'after-sale' | 'ready';

export function updateBannerState(updateReady: boolean, saleInProgress: boolean): UpdateBannerState {
  if (!updateReady) return 'hidden';
  return saleInProgress ? 'after-sale' : 'ready';
}

/** True while the till's cart has lines or a payment is being taken. */
export type SaleInProgress = boolean | (() => boolean);

function isSaleInProgress(sale: SaleInProgress): boolean {
  return typeof sale === 'function' ? sale() : sale;
}

/** Follows the registration's updateReady flag. */
export function useUpdateReady(updates: ServiceWorkerUpdates | null): boolean {
  const [ready, setReady] = useState(updates?.updateReady ?? false);
  useEffect(() => {
    if (updates === null) return undefined;
    setReady(updates.updateReady);
    return updates.subscribe(() => setReady(updates.updateReady));
  }, [updates]);
  return ready;
}

export function UpdateBanner(props: { saleInProgress: SaleInProgress; updates?: ServiceWorkerUpdates | null }) {
  // registerServiceWorker() returns main.tsx's registration (it registers once per page, at boot).
  const { t } = useI18n();
  const updates = props.updates === undefined ? registerServiceWorker() : props.updates;
  const ready = useUpdateReady(updates);
  const state = updateBannerState(ready, isSaleInProgress(props.saleInProgress));
  if (state === 'hidden' || updates === null) return null;

  const apply = () => {
    // Checked again at the click: with the function form, a sale opened since the last render still wins.
    if (!isSaleInProgress(props.saleInProgress)) updates.applyUpdate();
  };
  return (
    <div class="update-banner" role="status" aria-live="polite">
      <span class="update-banner-title">{t('storage.update.title')}</span>
      {state === 'after-sale' ? (
        <span class="update-banner-text">{t('storage.update.afterSale')}</span>
      ) : (
        <>
          <span class="update-banner-text">{t('storage.update.ready')}</span>
          <button type="button" class="primary" onClick={apply}>
            {t('storage.update.now')}
          </button>
        </>
      )}
    </div>
  );
}
