import type { EntityType } from '../../shared/entities.ts';
import type { ItemRow } from '../../shared/ipc-contract.ts';
import { matchStatusLabel } from '../format.ts';

export interface ItemColumn {
  key: string;
  label: string;
  /** A CSS grid track size, such as `minmax(8rem, 2fr)`. */
  width: string;
  value(row: ItemRow): string;
}

const status: ItemColumn = { key: 'status', label: 'Match status', width: 'minmax(7rem, 1fr)', value: (row) => matchStatusLabel(row.status, row.manual) };
const asin: ItemColumn = { key: 'asin', label: 'ASIN', width: 'minmax(7rem, 1fr)', value: (row) => row.amazonId ?? '' };
const artist: ItemColumn = { key: 'artist', label: 'Artist', width: 'minmax(6rem, 2fr)', value: (row) => row.artistName ?? '' };

/** The table columns of each entity type. */
export const ITEM_COLUMNS: Record<EntityType, ItemColumn[]> = {
  artist: [{ key: 'name', label: 'Name', width: 'minmax(8rem, 4fr)', value: (row) => row.name }, status, asin],
  album: [
    { key: 'name', label: 'Title', width: 'minmax(8rem, 3fr)', value: (row) => row.name },
    artist,
    { key: 'year', label: 'Year', width: '4rem', value: (row) => (row.year === null ? '' : String(row.year)) },
    status,
    asin,
  ],
  track: [
    { key: 'number', label: '#', width: '3rem', value: (row) => (row.trackNumber === null ? '' : String(row.trackNumber)) },
    { key: 'name', label: 'Title', width: 'minmax(8rem, 3fr)', value: (row) => row.name },
    artist,
    { key: 'album', label: 'Album', width: 'minmax(6rem, 2fr)', value: (row) => row.albumTitle ?? '' },
    status,
    asin,
  ],
};
