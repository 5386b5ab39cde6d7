import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';

import type { EntityType } from '../../shared/entities.ts';
import type { ItemRow } from '../../shared/ipc-contract.ts';
import { formatCount } from '../format.ts';
import { gridTemplate, ITEM_COLUMNS, minRowWidthRem, type ColumnContext } from './item-columns.ts';
import type { ItemPageCache } from './item-page-cache.ts';

/** Row height in CSS pixels; the virtualiser positions rows by it. */
const ROW_HEIGHT = 36;
/** Header height in CSS pixels. The header sits inside the scroll box, above the rows, so it scrolls sideways with them. */
const HEAD_HEIGHT = 36;

/**
 * How a row got selected: `activate` (a click, Enter or Space) requests that
 * the detail panel come into view; `move` (arrow keys, Home, End) keeps focus in the table.
 */
export type SelectReason = 'activate' | 'move';

interface ItemTableProps {
  entityType: EntityType;
  cache: ItemPageCache;
  selectedId: number | null;
  context: ColumnContext;
  onSelect(row: ItemRow, reason: SelectReason): void;
  /** Escape on a row: closes the detail panel. */
  onDismiss(): void;
}

/**
 * Renders a virtualised table. Only the rows in view (and a margin) exist in
 * the DOM, and their pages are fetched as they scroll in. Arrow keys move the
 * selection, Home and End jump. When the columns do not fit, the header and
 * the rows scroll sideways together in one scroll box.
 */
export function ItemTable({ entityType, cache, selectedId, context, onSelect, onDismiss }: ItemTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusIndex = useRef<number | null>(null);
  const columns = ITEM_COLUMNS[entityType];
  const count = cache.total ?? 0;
  const template = gridTemplate(columns);
  const minWidth = `${minRowWidthRem(columns)}rem`;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
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
    if (row) onSelect(row, 'move');
  };

  const onKeyDown = (event: KeyboardEvent, index: number, row: ItemRow | undefined) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 15, PageUp: index - 15, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onSelect(row, 'activate');
    } else if (event.key === 'Escape') {
      onDismiss();
    }
  };

  if (cache.total === null) {
    return cache.error ? <TableError message={cache.error} onRetry={() => cache.refresh()} /> : <p className="loading">Loading…</p>;
  }
  if (count === 0) return <p className="empty">No items match this filter.</p>;

  return (
    <div className="item-table" role="grid" aria-readonly="true" aria-label={`${formatCount(count)} items`} aria-rowcount={count + 1}>
      <div className="item-scroll" ref={scrollRef} data-testid="item-scroll">
        <div className="item-row item-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, minWidth, height: HEAD_HEIGHT }}>
          {columns.map((column) => (
            <span key={column.key} role="columnheader" className={`cell cell-${column.key}`}>
              {column.label}
            </span>
          ))}
        </div>
        <div className="item-rows" style={{ height: virtualizer.getTotalSize() - HEAD_HEIGHT, minWidth }} role="rowgroup">
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
                data-item-id={row?.id}
                data-status={row?.status ?? 'pending'}
                style={{ transform: `translateY(${virtual.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                onClick={() => row && onSelect(row, 'activate')}
                onKeyDown={(event) => onKeyDown(event, virtual.index, row)}
              >
                {columns.map((column) => {
                  const text = row ? column.value(row, context) : '…';
                  // The full text as a tooltip, because a narrow column cuts it off with an ellipsis.
                  return (
                    <span key={column.key} role="gridcell" className={`cell cell-${column.key}`} title={row && text !== '' ? text : undefined}>
                      {text}
                    </span>
                  );
                })}
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
