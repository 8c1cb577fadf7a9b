// The tiles of the product grid and of search results, as their own component so that a render of
// the picker for a keystroke (the field's text) does not diff the tiles again: only a new list does.
import type { ProductView } from '../api/till-api.ts';
import { useTill } from './till-context.ts';

export interface ProductTilesProps {
  products: readonly ProductView[];
  onAdd: (p: ProductView) => void;
}

/** Keyed by product uuid: a narrowing search keeps the tiles it shares with the previous answer. */
export function ProductTiles(props: ProductTilesProps) {
  const { money } = useTill();
  const { onAdd } = props;
  return (
    <ul class="product-grid">
      {props.products.map((p) => (
        <li key={p.uuid}>
          <button type="button" class="product-tile" onClick={() => onAdd(p)}>
            <span class="product-name">{p.name}</span>
            <span class="product-price">{money.format(p.price)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
