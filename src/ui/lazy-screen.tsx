// Loads a rarely used screen's code on first visit (dynamic import), keeping the selling screen's
// initial JavaScript small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useTill } from './till-context.ts';

export function LazyScreen(props: { load: () => Promise<ComponentType>; name: string }) {
  const { reportError } = useTill();
  const [Screen, setScreen] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    props
      .load()
      .then((c) => {
        if (live) setScreen(() => c);
      })
      .catch((e: unknown) => reportError(e, `open ${props.name}`));
    return () => {
      live = false;
    };
  }, [props.load]);
  return Screen === null ? <p class="loading">Loading {props.name}…</p> : <Screen />;
}
