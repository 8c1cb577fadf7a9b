// Loads a rarely used screen's code on first visit (dynamic import), keeping the selling screen's
// initial JavaScript small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';

export function LazyScreen(props: { load: () => Promise<ComponentType> }) {
  const { reportError } = useTill();
  const { t } = useI18n();
  const [Screen, setScreen] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    props
      .load()
      .then((c) => {
        if (live) setScreen(() => c);
      })
      .catch((e: unknown) => reportError(e, 'openScreen'));
    return () => {
      live = false;
    };
  }, [props.load]);
  return Screen === null ? <p class="loading">{t('common.loading')}</p> : <Screen />;
}
