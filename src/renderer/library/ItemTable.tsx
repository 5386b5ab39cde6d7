import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';

import type { EntityType } from '../../shared/entities.ts';
import type { ItemRow } from '../../shared/ipc-contract.ts';
import { formatCount } from '../format.ts';
import { ITEM_COLUMNS } from './item-columns.ts';
import type { ItemPageCache } from './item-page-cache.ts';

/** Row height in CSS pixels; the virtualiser positions rows by it. */
const ROW_HEIGHT = 36;

interface ItemTableProps {
  entityType: EntityType;
  cache: ItemPageCache;
  selectedId: number | null;
  onSelect(row: ItemRow): void;
}

/**
 * Renders a virtualised table. Only the rows in view (and a margin) exist in
 * the DOM, and their pages are fetched as they scroll in. Arrow keys move the
 * selection, Home and End jump.
 */
export function ItemTable({ entityType, cache, selectedId, onSelect }: ItemTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusIndex = useRef<number | null>(null);
  const columns = ITEM_COLUMNS[entityType];
  const count = cache.total ?? 0;
  const template = columns.map((column) => column.width).join(' ');

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const selectedInView = rows.some((virtual) => cache.rowAt(virtual.index)?.id === selectedId);

  useEffect(() => {
    cache.loadRange(first, last);
  }, [cache, first, last, count]);

  useEffect(() => {
    if (focusIndex.current === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex.current}"]`);
    if (element) {
      element.focus();
      focusIndex.current = null;
    }
  });

  const moveTo = (index: number) => {
    const target = Math.min(count - 1, Math.max(0, index));
    focusIndex.current = target;
    virtualizer.scrollToIndex(target);
    const row = cache.rowAt(target);
    if (row) onSelect(row);
  };

  const onKeyDown = (event: KeyboardEvent, index: number, row: ItemRow | undefined) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 15, PageUp: index - 15, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onSelect(row);
    }
  };

  if (cache.total === null) {
    return cache.error ? <TableError message={cache.error} onRetry={() => cache.refresh()} /> : <p className="loading">Loading…</p>;
  }
  if (count === 0) return <p className="empty">No items match this filter.</p>;

  return (
    <div className="item-table" role="grid" aria-readonly="true" aria-label={`${formatCount(count)} items`} aria-rowcount={count + 1}>
      <div className="item-row item-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((column) => (
          <span key={column.key} role="columnheader">
            {column.label}
          </span>
        ))}
      </div>
      <div className="item-scroll" ref={scrollRef} data-testid="item-scroll">
        <div className="item-rows" style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
          {rows.map((virtual) => {
            const row = cache.rowAt(virtual.index);
            const selected = row !== undefined && row.id === selectedId;
            return (
              <div
                key={virtual.key}
                className={`item-row${selected ? ' selected' : ''}${row ? '' : ' placeholder'}`}
                role="row"
                aria-rowindex={virtual.index + 2}
                aria-selected={selected}
                tabIndex={selected || (!selectedInView && virtual.index === first) ? 0 : -1}
                data-index={virtual.index}
                data-status={row?.status ?? 'pending'}
                style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                onClick={() => row && onSelect(row)}
                onKeyDown={(event) => onKeyDown(event, virtual.index, row)}
              >
                {columns.map((column) => (
                  <span key={column.key} role="gridcell" className={`cell cell-${column.key}`}>
                    {row ? column.value(row) : '…'}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {cache.error && <TableError message={cache.error} onRetry={() => cache.refresh()} />}
    </div>
  );
}

function TableError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="error" role="alert">
      <p>Could not load the items: {message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
