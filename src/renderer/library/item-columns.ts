import type { EntityType } from '../../shared/entities.ts';
import type { ItemRow } from '../../shared/ipc-contract.ts';
import { matchStatusLabel } from '../format.ts';

/** Inputs of a cell's text besides its row. */
export interface ColumnContext {
  /** False while Amazon enrichment is off, so unattempted items are not "Pending". */
  sourceEnabled: boolean;
}

export interface ItemColumn {
  key: string;
  label: string;
  /** Narrowest width, in rem; the table scrolls sideways rather than squeeze a column below it. */
  minRem: number;
  /** Share of the spare width, as a CSS `fr` factor; 0 keeps the column at `minRem`. */
  grow: number;
  value(row: ItemRow, context: ColumnContext): string;
}

/** Horizontal padding of a row and gap between cells, in rem; styles.css uses the same values for `.item-row`. */
export const ROW_PADDING_REM = 0.75;
export const CELL_GAP_REM = 0.75;

const status: ItemColumn = { key: 'status', label: 'Match status', minRem: 7, grow: 1, value: (row, context) => matchStatusLabel(row.status, row.manual, context.sourceEnabled) };
const asin: ItemColumn = { key: 'asin', label: 'ASIN', minRem: 7, grow: 1, value: (row) => row.amazonId ?? '' };
const artist: ItemColumn = { key: 'artist', label: 'Artist', minRem: 6, grow: 2, value: (row) => row.artistName ?? '' };

/** The table columns of each entity type. */
export const ITEM_COLUMNS: Record<EntityType, ItemColumn[]> = {
  artist: [{ key: 'name', label: 'Name', minRem: 8, grow: 4, value: (row) => row.name }, status, asin],
  album: [
    { key: 'name', label: 'Title', minRem: 8, grow: 3, value: (row) => row.name },
    artist,
    { key: 'year', label: 'Year', minRem: 4, grow: 0, value: (row) => (row.year === null ? '' : String(row.year)) },
    status,
    asin,
  ],
  track: [
    { key: 'number', label: '#', minRem: 3, grow: 0, value: (row) => (row.trackNumber === null ? '' : String(row.trackNumber)) },
    { key: 'name', label: 'Title', minRem: 8, grow: 3, value: (row) => row.name },
    artist,
    { key: 'album', label: 'Album', minRem: 6, grow: 2, value: (row) => row.albumTitle ?? '' },
    status,
    asin,
  ],
};

/** Returns the CSS `grid-template-columns` of a column list. */
export function gridTemplate(columns: readonly ItemColumn[]): string {
  return columns.map((column) => (column.grow > 0 ? `minmax(${column.minRem}rem, ${column.grow}fr)` : `${column.minRem}rem`)).join(' ');
}

/** Returns the narrowest width of a row, in rem, so the header and every row share one scroll width. */
export function minRowWidthRem(columns: readonly ItemColumn[]): number {
  const cells = columns.reduce((sum, column) => sum + column.minRem, 0);
  return cells + CELL_GAP_REM * Math.max(0, columns.length - 1) + 2 * ROW_PADDING_REM;
}
