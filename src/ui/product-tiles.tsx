// The tiles of the product grid and of search results, as their own component so that a render of
// the picker for a keystroke (the field's text) does not diff the tiles again: only a new list does.
import type { ProductView } from '../api/till-api.ts';
import { useTill } from './till-context.ts';
import { useI18n } from './i18n/i18n-context.tsx';

export interface ProductTilesProps {
  products: readonly ProductView[];
  onAdd: (p: ProductView) => void;
}

/**
 * Keyed by position, not by product: the next keystroke's answer reuses the tiles on screen and
 * only their texts change. Keyed by uuid, Preact re-mounted ~120 elements per keystroke (every
 * answer holds mostly other products), 3-9 ms of a 16 ms frame at 100k products.
 */
export function ProductTiles(props: ProductTilesProps) {
  const { money } = useTill();
  const { t } = useI18n();
  const { onAdd } = props;
  return (
    <ul class="product-grid">
      {props.products.map((p, i) => (
        <li key={i}>
          <button type="button" class="product-tile" onClick={() => onAdd(p)}>
            <span class="product-name">{p.name}</span>
            <span class="product-price">{p.openPrice ? t('sell.openPrice.tile') : money.format(p.price)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
