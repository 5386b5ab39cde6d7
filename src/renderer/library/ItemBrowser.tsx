import { useCallback, useEffect, useRef, useState } from 'react';

import { ENTITY_TYPES, type EntityType } from '../../shared/entities.ts';
import { ITEM_FILTERS, type ItemFilter, type ItemRow } from '../../shared/ipc-contract.ts';
import { useDebouncedValue } from '../components/use-debounced-value.ts';
import { ENTITY_LABELS, FILTER_LABELS, formatQuantity } from '../format.ts';
import { useLibraryStore } from '../store/library-store.ts';
import { useStatusStore } from '../store/status-store.ts';
import { ItemDetailPanel } from './ItemDetailPanel.tsx';
import { ItemTable, type SelectReason } from './ItemTable.tsx';
import { isStackedLayout } from './stacked-layout.ts';
import { useItemPages } from './use-item-pages.ts';

const SEARCH_DEBOUNCE_MS = 250;

const PROGRESS_KEYS = { artist: 'artists', album: 'albums', track: 'tracks' } as const;

/** Shows one library's artists, albums or tracks: type tabs, filter, search, table and detail panel. */
export function ItemBrowser({ libraryId }: { libraryId: number }) {
  const [entityType, setEntityType] = useState<EntityType>('album');
  const [filter, setFilter] = useState<ItemFilter>('all');
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState<{ entityType: EntityType; id: number } | null>(null);
  // Set when a click or Enter opens an item, until the panel has been brought into view.
  const [revealPending, setRevealPending] = useState(false);
  // The row to focus once the panel closed, so focus goes back where it came from.
  const [returnFocusId, setReturnFocusId] = useState<number | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [localChanges, setLocalChanges] = useState(0);
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);

  // Enrichment progress of this entity type: when it moves, visible rows may have changed.
  const attempted = useStatusStore((state) => {
    const progress = state.status?.sources.amazon.progress[PROGRESS_KEYS[entityType]];
    return progress ? progress.total - progress.pending : 0;
  });
  const contentVersion = useLibraryStore((state) => state.contentVersion);
  const sourceEnabled = useStatusStore((state) => state.status?.sources.amazon.enabled ?? true);

  const cache = useItemPages({ libraryId, entityType, filter, search }, attempted, contentVersion + localChanges);
  const onSelect = useCallback((row: ItemRow, reason: SelectReason) => {
    setSelected({ entityType: row.entityType, id: row.id });
    if (reason === 'activate') setRevealPending(true);
  }, []);
  const onChanged = useCallback(() => setLocalChanges((count) => count + 1), []);
  const onClose = () => {
    if (selected) setReturnFocusId(selected.id);
    setSelected(null);
  };

  useEffect(() => {
    if (!revealPending) return;
    setRevealPending(false);
    const panel = bodyRef.current?.querySelector<HTMLElement>('.detail-panel');
    if (panel) revealPanel(panel);
  }, [revealPending]);

  useEffect(() => {
    if (returnFocusId === null) return;
    setReturnFocusId(null);
    const row = bodyRef.current?.querySelector<HTMLElement>(`.item-rows [data-item-id="${returnFocusId}"]`);
    const fallback = bodyRef.current?.querySelector<HTMLElement>('.item-rows [tabindex="0"]');
    (row ?? fallback)?.focus();
  }, [returnFocusId]);

  return (
    <div className="item-browser">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Entity type">
          {ENTITY_TYPES.map((type) => (
            <button key={type} type="button" aria-pressed={entityType === type} onClick={() => {
                setEntityType(type);
                setSelected(null);
              }}>
              {ENTITY_LABELS[type].many}
            </button>
          ))}
        </div>
        <label className="filter-field">
          <span>Show</span>
          <select value={filter} onChange={(event) => setFilter(event.target.value as ItemFilter)} aria-label="Filter by match status">
            {ITEM_FILTERS.map((value) => (
              <option key={value} value={value}>
                {FILTER_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="search-field">
          <span className="visually-hidden">Search</span>
          <input type="search" placeholder={`Search ${ENTITY_LABELS[entityType].many.toLowerCase()}`} value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </label>
        <span className="result-count" aria-live="polite">
          {cache.total === null ? '' : formatQuantity(cache.total, 'item', 'items')}
        </span>
      </div>
      {!sourceEnabled && (
        <p className="notice" data-testid="enrichment-off-notice">
          Amazon Music enrichment is off, so items read "Not enriched". Turn it on in Settings to match them.
        </p>
      )}
      <div className={`browser-body${selected ? ' with-detail' : ''}`} ref={bodyRef}>
        <ItemTable entityType={entityType} cache={cache} selectedId={selected?.entityType === entityType ? selected.id : null} context={{ sourceEnabled }} onSelect={onSelect} onDismiss={onClose} />
        {selected && (
          <ItemDetailPanel entityType={selected.entityType} id={selected.id} version={attempted + localChanges} sourceEnabled={sourceEnabled} onChanged={onChanged} onClose={onClose} />
        )}
      </div>
    </div>
  );
}

/**
 * Scrolls a detail panel that sits below the table into view and moves focus
 * to it, because at narrow widths and 200 % zoom it opens off screen. Beside
 * the table it is already in view, and focus stays on the row so arrow keys
 * keep working.
 */
function revealPanel(panel: HTMLElement): void {
  if (!isStackedLayout()) return;
  panel.scrollIntoView({ block: 'start' });
  panel.focus({ preventScroll: true });
}
