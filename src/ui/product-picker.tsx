// Finding products: category tabs over a paged grid, and search as you type (name words, SKU or
// barcode prefix) that replaces the grid with a capped result list. Each keystroke starts its search
// at once (waiting for an animation frame cost up to a frame of latency); answers come back in call
// order and only the newest query's answer is rendered, so a stale one never overwrites it.
import type { ComponentChildren, Ref } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CategoryView, ProductView } from '../api/till-api.ts';
import { BOOT_MARKS, bootMark } from '../api/boot-marks.ts';
import { ProductTiles } from './product-tiles.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { parseTimesPrefix } from './sell/times-prefix.ts';
import { useTill } from './till-context.ts';

/** Products per grid page ("More products" loads the next). */
export const GRID_PAGE_SIZE = 60;
/**
 * Search results shown: about two screens of tiles at 1024x768. A search narrows as staff type, it
 * never lists the catalog; fewer rows also mean less to fetch, copy and lay out per keystroke.
 */
export const SEARCH_LIMIT = 30;

export interface ProductPickerProps {
  onAdd: (p: ProductView) => void;
  searchRef: Ref<HTMLInputElement>;
  /** Changes after each pull from the hub, so the grid shows new products and prices. */
  catalogStamp: string | null;
  /** "3 ×" typed in the search box: the box empties and the count goes here. */
  onTimes: (count: number) => void;
  /** Shown beside the search box (the pending "3 ×"). */
  badge: ComponentChildren;
}

export function ProductPicker(props: ProductPickerProps) {
  const { api, reportError } = useTill();
  const { t } = useI18n();
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [category, setCategory] = useState<string | null>(null);
  const [grid, setGrid] = useState<ProductView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<ProductView[] | null>(null);
  /** Number of the newest search started; an answer for an older one is dropped. */
  const searchSeq = useRef(0);
  /** The newest search's answer, which Enter waits for: what is on screen may still be the previous keystroke's. */
  const latestSearch = useRef<Promise<ProductView[]>>(Promise.resolve([]));
  const onAdd = useRef(props.onAdd);
  onAdd.current = props.onAdd;

  useEffect(() => {
    api.categories().then(setCategories, (e: unknown) => reportError(e, 'loadCategories'));
  }, [props.catalogStamp]);

  useEffect(() => {
    let live = true;
    api.products({ categoryUuid: category, limit: GRID_PAGE_SIZE, offset: 0 }).then(
      (page) => {
        bootMark(BOOT_MARKS.firstQuery);
        if (!live) return;
        setGrid(page);
        setHasMore(page.length === GRID_PAGE_SIZE);
      },
      (e: unknown) => reportError(e, 'loadProducts'),
    );
    return () => {
      live = false;
    };
  }, [category, props.catalogStamp]);

  const more = async () => {
    try {
      const page = await api.products({ categoryUuid: category, limit: GRID_PAGE_SIZE, offset: grid.length });
      setGrid([...grid, ...page]);
      setHasMore(page.length === GRID_PAGE_SIZE);
    } catch (e) {
      reportError(e, 'loadProducts');
    }
  };

  const search = (typed: string) => {
    const times = parseTimesPrefix(typed);
    if (times !== null) props.onTimes(times);
    const value = times === null ? typed : '';
    setText(value);
    const seq = ++searchSeq.current;
    const q = value.trim();
    if (q === '') {
      setResults(null);
      return;
    }
    const pending = api.searchProducts(q, SEARCH_LIMIT);
    latestSearch.current = pending;
    pending.then(
      (found) => {
        if (seq === searchSeq.current) setResults(found);
      },
      (e: unknown) => reportError(e, 'search'),
    );
  };

  /** Enter adds the first result of what is typed now, waiting for its search if it is still running. */
  const addFirstResult = () => {
    const seq = searchSeq.current;
    latestSearch.current.then(
      (found) => {
        const first = found[0];
        if (seq !== searchSeq.current || first === undefined) return; // typed on meanwhile, or nothing matches
        add(first);
        search('');
      },
      (e: unknown) => reportError(e, 'search'),
    );
  };
  useEffect(() => () => {
    // An answer arriving after the picker is gone is not rendered.
    searchSeq.current++;
  }, []);

  const add = useCallback((p: ProductView) => onAdd.current(p), []);

  const shown = results ?? grid;
  // The same vnode while the list is the same: a keystroke re-renders the field, not the tiles.
  const tiles = useMemo(() => <ProductTiles products={shown} onAdd={add} />, [shown, add]);
  return (
    <section class="picker" aria-label={t('sell.picker.label')}>
      <div class="search-row">
        {props.badge}
        <label for="product-search" class="visually-hidden">
          {t('sell.picker.searchLabel')}
        </label>
        <input
          id="product-search"
          ref={props.searchRef}
          type="search"
          placeholder={t('sell.picker.searchPlaceholder')}
          autoComplete="off"
          aria-keyshortcuts="F2 /"
          value={text}
          onInput={(e) => search(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.defaultPrevented && text.trim() !== '') {
              e.preventDefault();
              addFirstResult();
            } else if (e.key === 'Escape' && text !== '') {
              e.preventDefault();
              search('');
            }
          }}
        />
      </div>
      {results === null && (
        <div role="tablist" aria-label={t('sell.picker.categories')} class="category-tabs">
          <CategoryTab label={t('sell.picker.all')} selected={category === null} onSelect={() => setCategory(null)} />
          {categories.map((c) => (
            <CategoryTab key={c.uuid} label={c.name} selected={category === c.uuid} onSelect={() => setCategory(c.uuid)} />
          ))}
        </div>
      )}
      <div id="product-panel" role={results === null ? 'tabpanel' : 'region'} aria-label={results === null ? t('sell.picker.grid') : t('sell.picker.results')} class="product-panel">
        {results !== null && (
          <p class="result-count" aria-live="polite">
            {results.length === 0
              ? t('sell.picker.noMatch', { text: text.trim() })
              : results.length === SEARCH_LIMIT
                ? t('sell.picker.foundMore', { count: results.length })
                : t('sell.picker.found', { count: results.length })}
          </p>
        )}
        {tiles}
        {results === null && grid.length === 0 && <p class="empty">{t('sell.picker.empty')}</p>}
        {results === null && hasMore && (
          <button type="button" class="more-button" onClick={more}>
            {t('sell.picker.more')}
          </button>
        )}
      </div>
    </section>
  );
}

function CategoryTab(props: { label: string; selected: boolean; onSelect: () => void }) {
  return (
    <button type="button" role="tab" aria-selected={props.selected} aria-controls="product-panel" class="category-tab" onClick={props.onSelect}>
      {props.label}
    </button>
  );
}
