import type { EntityType } from '../../../shared/entities.ts';
import type { EntityTable } from '../db/migrations/002-amazon-columns.ts';

export const TABLE_OF: Record<EntityType, EntityTable> = { artist: 'artists', album: 'albums', track: 'tracks' };

/** How long a `not_found` item rests before it is searched again, in ms. */
export const NOT_FOUND_RETRY_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
